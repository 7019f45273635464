package org.haetae.telegram.model;

import java.util.List;

/**
 * An account seen in the export, with every display name it used.
 *
 * @param self true for the exporting account ({@code personal_information})
 * @param messages messages it sent or service actions it performed
 */
public record Account(PeerId id, List<NameSeen> names, boolean self, long messages) {
  public Account {
    names = List.copyOf(names);
  }

  /**
   * A display name and when it was seen.
   *
   * @param firstSeen earliest {@code date_unixtime} with this name, null if unknown
   * @param lastSeen latest one
   */
  public record NameSeen(String name, Long firstSeen, Long lastSeen, long count) {}
}
