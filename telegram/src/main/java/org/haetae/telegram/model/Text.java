package org.haetae.telegram.model;

import java.util.List;

/**
 * A message's text as plain text plus its entities.
 *
 * @param truncated true when a run was longer than the reader's bound and was cut; the full text
 *     stays in the acquired {@code result.json}
 */
public record Text(String plain, List<TextEntity> entities, boolean truncated) {
  public static final Text EMPTY = new Text("", List.of(), false);

  public Text {
    entities = List.copyOf(entities);
  }
}
