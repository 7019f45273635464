package org.haetae.analysis.result;

import java.util.List;
import java.util.Map;

/**
 * How one bank entry (one victim's image) spread through the case.
 *
 * @param events every appearance, oldest first
 * @param rooms keys of the rooms it reached
 * @param membersReached distinct accounts present in those rooms
 * @param variants distinct files (by SHA-256) that matched it: crops, re-encodes, overlays
 */
public record SpreadTrail(
    String bank,
    String entryId,
    Map<String, String> labels,
    List<SpreadEvent> events,
    List<String> rooms,
    long membersReached,
    int variants) {
  public SpreadTrail {
    labels = Map.copyOf(labels);
    events = List.copyOf(events);
    rooms = List.copyOf(rooms);
  }

  public SpreadEvent first() {
    return events.isEmpty() ? null : events.get(0);
  }
}
