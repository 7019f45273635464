package org.haetae.analysis.rooms;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.haetae.analysis.result.ChatSummary;

/** One room of the case: the parts of it that every export holds, merged. */
public final class Room {
  private final String key;
  private Long telegramId;
  private String type;
  private String name;
  private final BitSet ids = new BitSet();
  private final Set<Long> otherIds = new HashSet<>();
  private long withoutId;
  private long firstDate = Long.MAX_VALUE;
  private long lastDate = Long.MIN_VALUE;
  private final BitSet members = new BitSet();
  private final TreeSet<String> exports = new TreeSet<>();

  Room(String key) {
    this.key = key;
  }

  void add(RoomPart p) {
    telegramId = telegramId == null ? p.telegramId : telegramId;
    type = type == null ? p.type : type;
    // The later export has the newer name.
    name = p.name != null ? p.name : name;
    ids.or(p.ids);
    otherIds.addAll(p.otherIds);
    withoutId += p.withoutId;
    firstDate = Math.min(firstDate, p.firstDate);
    lastDate = Math.max(lastDate, p.lastDate);
    members.or(p.members);
    exports.add(p.export);
  }

  public String key() {
    return key;
  }

  public String type() {
    return type;
  }

  public String name() {
    return name;
  }

  public BitSet members() {
    return members;
  }

  public boolean savedMessages() {
    return "saved_messages".equals(type);
  }

  public boolean channel() {
    return type != null && type.endsWith("_channel");
  }

  public ChatSummary summary(long matchedMedia) {
    return new ChatSummary(
        key,
        telegramId,
        type,
        name,
        ids.cardinality() + otherIds.size() + withoutId,
        members.cardinality(),
        matchedMedia,
        firstDate == Long.MAX_VALUE ? null : firstDate,
        lastDate == Long.MIN_VALUE ? null : lastDate,
        List.copyOf(exports));
  }
}
