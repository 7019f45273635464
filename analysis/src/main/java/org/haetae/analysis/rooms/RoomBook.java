package org.haetae.analysis.rooms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rooms of a case, merged across exports once every export has been read. */
public final class RoomBook {
  private final Map<String, RoomPart> parts = new LinkedHashMap<>(); // export:ordinal -> part
  private final Map<String, Room> rooms = new LinkedHashMap<>();
  private final Map<String, Room> byPart = new HashMap<>();

  public RoomPart part(String export, int ordinal) {
    return parts.computeIfAbsent(export + ":" + ordinal, k -> new RoomPart(export, ordinal));
  }

  /** Merges parts into rooms; call once, after the last export. */
  public void merge() {
    for (Map.Entry<String, RoomPart> e : parts.entrySet()) {
      Room r = rooms.computeIfAbsent(e.getValue().key(), Room::new);
      r.add(e.getValue());
      byPart.put(e.getKey(), r);
    }
  }

  /** The room a part was merged into. */
  public Room of(RoomPart part) {
    return byPart.get(part.export + ":" + part.ordinal);
  }

  public Room of(String export, int ordinal) {
    return byPart.get(export + ":" + ordinal);
  }

  public Collection<Room> rooms() {
    return rooms.values();
  }

  public Room get(String key) {
    return rooms.get(key);
  }

  /** Provisional key (as the text index has it) to room key, for search results. */
  public Map<String, String> partKeys() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Room> e : byPart.entrySet()) {
      out.put(e.getKey(), e.getValue().key());
    }
    return out;
  }

  public List<RoomPart> parts() {
    return new ArrayList<>(parts.values());
  }
}
