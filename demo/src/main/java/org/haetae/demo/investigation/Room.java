package org.haetae.demo.investigation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One chat of the investigation, independent of which exports carry it: its id, type and title, its
 * lifetime and busy hours, who is in it, and the scripted events that happen in it. Filler chatter
 * is not stored here; {@link RoomStream} draws it while writing.
 */
final class Room {
  final int index;
  final String label;
  final long chatId;
  final String type;
  final boolean korean;
  final ActivityClock clock;
  final List<Event> events = new ArrayList<>();
  // When members who joined later became able to speak; absent means from the start.
  final Map<Integer, Long> activeFrom = new HashMap<>();
  private final String title;
  private String laterTitle;
  private long retitledAt = Long.MAX_VALUE;
  long quota;
  long firstId = 1;
  int peer = -1;
  // Someone who can always speak in the room, for when a drawn speaker has not joined yet.
  int host = -1;
  private int[] roster = new int[0];
  private final java.util.BitSet members = new java.util.BitSet();
  // Members who never chat in filler (the undercover investigator, a removed spammer).
  final java.util.Set<Integer> silent = new java.util.HashSet<>();

  Room(
      int index,
      String label,
      long chatId,
      String type,
      String title,
      boolean korean,
      long start,
      long end) {
    this.index = index;
    this.label = label;
    this.chatId = chatId;
    this.type = type;
    this.title = title;
    this.korean = korean;
    this.clock = new ActivityClock(start, end);
  }

  long start() {
    return clock.start();
  }

  long end() {
    return clock.end();
  }

  boolean isChannel() {
    return type.endsWith("channel");
  }

  boolean isGroup() {
    return type.endsWith("group");
  }

  boolean isSaved() {
    return type.equals("saved_messages");
  }

  void retitle(String newTitle, long at) {
    laterTitle = newTitle;
    retitledAt = at;
  }

  String title() {
    return title;
  }

  /** The title an export made at {@code t} shows. */
  String titleAt(long t) {
    return t >= retitledAt ? laterTitle : title;
  }

  boolean contains(long t) {
    return t > start() && t < end();
  }

  int[] roster() {
    return roster;
  }

  void roster(int[] people) {
    roster = people.clone();
    members.clear();
    for (int p : people) {
      members.set(p);
    }
  }

  boolean inRoster(int person) {
    return members.get(person);
  }

  boolean activeAt(int person, long t) {
    Long from = activeFrom.get(person);
    return from == null || from <= t;
  }

  @Override
  public String toString() {
    return label;
  }
}
