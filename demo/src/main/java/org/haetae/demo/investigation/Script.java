package org.haetae.demo.investigation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * What happens in the case, planned before anything is written: the rooms and who is in them, and
 * every notable message (requests, first posts of victim pictures, their reposts and forwards,
 * harmless pictures passed around, service actions, evasion and payment talk). Its size grows with
 * the number of pictures, never with the number of messages: the chatter between notable messages
 * is drawn while writing ({@link RoomStream}).
 *
 * <p>Roles are read off the plan afterwards ({@link #roles}), from what people did, the way the
 * analysis has to read them off the messages.
 */
final class Script {
  static final String CHANNEL_HANDLE = "@jaryo_box";
  static final long DAY = 86_400;

  final Investigation.Options options;
  final Timeline time = Timeline.of2024();
  final Cast cast;
  final List<Original> originals;
  final List<Room> rooms = new ArrayList<>();
  final Room big;
  final Room suspects;
  final Room channel;
  final Room english;
  final Room leaderChat;
  final Room friendChat;
  final Room creatorChat;
  final Room saved;
  final Room botChat;
  final Room oldGroup;
  final List<Picture> victimPictures = new ArrayList<>();
  final Random r;
  private int nextKey;
  private long pictureMessages;

  Script(Investigation.Options options, List<Original> originals) {
    this.options = options;
    this.originals = originals;
    this.r = new Random(VictimBank.mix(options.seed(), 1, 2));
    this.cast = new Cast(r, options.accounts(), originals.size(), time);
    long seizure = time.seizure();
    big =
        room(
            "big",
            "public_supergroup",
            "새벽 수다방",
            true,
            ActivityClock.kst(2024, 1, 15, 21, 0),
            seizure);
    suspects =
        room(
            "suspects",
            "private_supergroup",
            "지인능욕 겹지인방",
            true,
            ActivityClock.kst(2024, 3, 2, 22, 0),
            seizure);
    channel =
        room(
            "channel",
            "private_channel",
            "자료창고 📁",
            true,
            ActivityClock.kst(2024, 2, 20, 23, 0),
            seizure);
    english =
        room(
            "english",
            "private_supergroup",
            "the lounge 18+",
            false,
            ActivityClock.kst(2024, 4, 10, 10, 0),
            time.englishExport());
    leaderChat =
        room(
            "leader-chat",
            "personal_chat",
            null,
            true,
            ActivityClock.kst(2024, 3, 20, 12, 0),
            seizure);
    friendChat =
        room(
            "friend-chat",
            "personal_chat",
            null,
            true,
            ActivityClock.kst(2023, 12, 5, 18, 0),
            seizure);
    creatorChat =
        room(
            "creator-chat",
            "personal_chat",
            null,
            true,
            ActivityClock.kst(2024, 5, 10, 0, 30),
            seizure);
    saved =
        room("saved", "saved_messages", null, true, ActivityClock.kst(2024, 3, 5, 1, 0), seizure);
    botChat =
        room("bot-chat", "bot_chat", null, true, ActivityClock.kst(2024, 3, 1, 21, 0), seizure);
    oldGroup =
        room(
            "old-group",
            "private_group",
            "구 지인방",
            true,
            time.caseStart(),
            ActivityClock.kst(2024, 4, 20, 23, 0));
    big.host = cast.r3Admin;
    suspects.host = cast.leader;
    english.host = cast.r4Admin;
    oldGroup.host = cast.xAdmin;
    channel.host = Event.CHANNEL;
    for (Room room : List.of(leaderChat, friendChat, creatorChat, saved, botChat)) {
      room.host = cast.owner;
    }
    leaderChat.peer = cast.leader;
    friendChat.peer = cast.friend;
    creatorChat.peer = cast.privateCreator;
    botChat.peer = cast.bot;
    // Ids in private chats come from one counter per account, so they do not start at 1.
    leaderChat.firstId = 10_000 + r.nextInt(90_000);
    friendChat.firstId = 10_000 + r.nextInt(90_000);
    creatorChat.firstId = 10_000 + r.nextInt(90_000);
    saved.firstId = 10_000 + r.nextInt(90_000);
    botChat.firstId = 10_000 + r.nextInt(90_000);
    oldGroup.firstId = 1;

    new Membership(this).enact();
    new Stories(this).enact();
    new Everyday(this).enact();
    placeholders();
    for (Room room : rooms) {
      room.events.sort(Comparator.comparingLong((Event e) -> e.time).thenComparingInt(e -> e.key));
    }
    quotas();
  }

  // ---------------------------------------------------------------- rooms and people

  private Room room(String label, String type, String title, boolean korean, long start, long end) {
    long id =
        switch (type) {
          case "personal_chat", "bot_chat", "saved_messages" -> 0;
          case "private_group" -> 400_000_000L + r.nextInt(500_000_000);
          default -> 1_500_000_000L + r.nextInt(600_000_000);
        };
    Room room = new Room(rooms.size(), label, id, type, title, korean, start, end);
    rooms.add(room);
    return room;
  }

  /** The chat id an export writes: a private chat is named by the other side's user id. */
  long chatId(Room room) {
    if (room.isSaved()) {
      return cast.person(cast.owner).userId;
    }
    if (room.peer >= 0) {
      return cast.person(room.peer).userId;
    }
    return room.chatId;
  }

  // ---------------------------------------------------------------- missing files

  /**
   * Files an export lacks. The suspect's export skipped some photos of the big group, but only ones
   * the undercover export has, and some of the channel's, never its first victim post: every
   * distributor stays provable from files. Harmless pictures go missing anywhere.
   */
  private void placeholders() {
    boolean firstChannelPost = true;
    for (Room room : rooms) {
      for (Event e : room.events) {
        if (e.kind != Event.Kind.PHOTO || e.creation || e.fresh) {
          continue;
        }
        if (e.victim()) {
          if (room == big
              && e.time >= time.ownerJoinsBigGroup()
              && e.time <= time.undercoverExport()
              && r.nextInt(100) < 30) {
            e.placeholderMask = 1 << Investigation.ACCOUNT_EXPORT;
          } else if (room == channel) {
            if (!firstChannelPost && r.nextInt(100) < 20) {
              e.placeholderMask = 1 << Investigation.ACCOUNT_EXPORT;
            }
            firstChannelPost = false;
          }
        } else if (!e.request && r.nextInt(100) < 8) {
          e.placeholderMask = 0b111;
        }
      }
    }
  }

  private void quotas() {
    double[] share = new double[rooms.size()];
    share[suspects.index] = 0.17;
    share[english.index] = 0.16;
    share[channel.index] = 0.03;
    share[leaderChat.index] = 0.015;
    share[friendChat.index] = 0.03;
    share[creatorChat.index] = 0.01;
    share[saved.index] = 0.01;
    share[botChat.index] = 0.005;
    share[oldGroup.index] = 0.02;
    long rest = options.messages();
    for (Room room : rooms) {
      if (room == big) {
        continue;
      }
      long q = Math.round(options.messages() * share[room.index]);
      room.quota = Math.max(q, room.events.size() + room.events.size() / 5 + 4);
      rest -= room.quota;
    }
    if (rest < big.events.size() + big.events.size() / 5) {
      throw new IllegalArgumentException(
          options.messages()
              + " messages are too few for "
              + options.images()
              + " pictures; use at least "
              + (options.messages() - rest + 2L * big.events.size()));
    }
    big.quota = rest;
  }

  // ---------------------------------------------------------------- roles

  /** Roles by account index, read off what the plan has people do. */
  TreeMap<Integer, EnumSet<Role>> roles() {
    TreeMap<Integer, EnumSet<Role>> roles = new TreeMap<>();
    for (Room room : rooms) {
      for (Event e : room.events) {
        if (e.creation || e.fresh) {
          add(roles, e.sender, Role.CREATOR);
        }
        if (e.request) {
          add(roles, e.sender, Role.REQUESTER);
        }
        if (e.victim() && !room.isSaved() && presentSomewhere(e)) {
          add(roles, e.creditedTo(cast.leader), Role.DISTRIBUTOR);
        }
        if (e.sender == Event.CHANNEL && e.kind != Event.Kind.SERVICE) {
          add(roles, cast.leader, Role.ADMIN);
        }
        if (e.kind == Event.Kind.SERVICE && e.sender >= 0 && administers(e)) {
          add(roles, e.sender, Role.ADMIN);
        }
      }
    }
    add(roles, cast.owner, Role.POSSESSOR);
    return roles;
  }

  private static boolean administers(Event e) {
    return switch (e.action) {
      case "create_group", "pin_message", "edit_group_title", "edit_group_photo" -> true;
      // Leaving a group is written as removing oneself; only removing others takes an admin.
      case "remove_members" -> !(e.members.length == 1 && e.members[0] == e.sender);
      default -> false;
    };
  }

  private boolean presentSomewhere(Event e) {
    if (e.room == big) {
      boolean inUndercover = e.time <= time.undercoverExport();
      boolean inAccount =
          e.time >= time.ownerJoinsBigGroup() && !e.missingIn(Investigation.ACCOUNT_EXPORT);
      return inUndercover || inAccount;
    }
    return e.placeholderMask == 0;
  }

  private static void add(TreeMap<Integer, EnumSet<Role>> roles, int who, Role role) {
    if (who >= 0) {
      roles.computeIfAbsent(who, k -> EnumSet.noneOf(Role.class)).add(role);
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Messages that carry a picture (group photo changes included). */
  long pictureMessages() {
    return pictureMessages;
  }

  /** Counts a picture carried by a service message. */
  void countPicture() {
    pictureMessages++;
  }

  Event event(Room room, long t, Event.Kind kind) {
    Event e = new Event(nextKey++, room, t, kind);
    room.events.add(e);
    return e;
  }

  Event text(Room room, long t, int sender, String words) {
    Event e = event(room, t, Event.Kind.TEXT);
    e.sender = sender;
    e.text = words;
    return e;
  }

  Event photo(Room room, long t, int sender, Picture picture) {
    Event e = event(room, t, Event.Kind.PHOTO);
    e.sender = sender;
    e.picture = picture;
    pictureMessages++;
    if (picture.original != null) {
      victimPictures.add(picture);
    }
    return e;
  }

  /** Someone from {@code pool} who is in the room and can speak at {@code t}, or -1. */
  int pick(int[] pool, Room room, long t) {
    if (pool.length == 0) {
      return -1;
    }
    for (int attempt = 0; attempt < 12; attempt++) {
      int p = pool[r.nextInt(pool.length)];
      if (room.inRoster(p) && room.activeAt(p, t) && !room.silent.contains(p)) {
        return p;
      }
    }
    return -1;
  }

  int pickBilingual(Room room, long t) {
    return pick(new int[] {cast.bilingual[1], cast.bilingual[2]}, room, t);
  }

  /** Role candidates join early; only plain members arrive at any time. */
  boolean special(int p) {
    return p < cast.membersEn[0];
  }

  long delay() {
    double days = -Math.log(1 - r.nextDouble()) * 1.5;
    return 600 + (long) (Math.min(days, 20) * DAY);
  }

  static int[] withoutLast(int[] a) {
    return a.length <= 1 ? a : java.util.Arrays.copyOf(a, a.length - 1);
  }

  static void addAll(List<Integer> to, int[] from) {
    for (int v : from) {
      to.add(v);
    }
  }

  static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  static int[] distinct(List<Integer> list) {
    BitSet seen = new BitSet();
    List<Integer> out = new ArrayList<>();
    for (int v : list) {
      if (!seen.get(v)) {
        seen.set(v);
        out.add(v);
      }
    }
    return ints(out);
  }

  static int[] concat(int[]... parts) {
    List<Integer> out = new ArrayList<>();
    for (int[] p : parts) {
      addAll(out, p);
    }
    return ints(out);
  }
}
