package org.haetae.analysis.rooms;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * What one export holds of one room: filled while its messages stream by, before the export names
 * the room (Telegram writes a chat's messages before the reader can know its header is complete).
 */
public final class RoomPart {
  /**
   * Ids below this are kept as bits (8 MB at most); a hostile export writing huge ids costs a set
   * entry each instead of a giant bit set.
   */
  public static final int DENSE_IDS = 1 << 26;

  final String export;
  final int ordinal;
  Long telegramId;
  String type;
  String name;
  // Message ids seen, to count a room held by two exports once. Ids are small and dense.
  final BitSet ids = new BitSet();
  final Set<Long> otherIds = new HashSet<>();
  long withoutId;
  long firstDate = Long.MAX_VALUE;
  long lastDate = Long.MIN_VALUE;
  final BitSet members = new BitSet();

  public RoomPart(String export, int ordinal) {
    this.export = export;
    this.ordinal = ordinal;
  }

  public void message(Long id, Long date) {
    if (id == null) {
      withoutId++;
    } else if (id >= 0 && id < DENSE_IDS) {
      ids.set(id.intValue());
    } else {
      otherIds.add(id);
    }
    if (date != null) {
      firstDate = Math.min(firstDate, date);
      lastDate = Math.max(lastDate, date);
    }
  }

  public void member(int actor) {
    if (actor >= 0) {
      members.set(actor);
    }
  }

  public void describe(Long telegramId, String type, String name) {
    this.telegramId = telegramId;
    this.type = type;
    this.name = name;
  }

  /** The room's key in the case: by Telegram id when there is one, else by export and position. */
  public String key() {
    return telegramId != null ? "chat" + telegramId : export + ":" + ordinal;
  }

  public String type() {
    return type;
  }

  public String export() {
    return export;
  }
}
