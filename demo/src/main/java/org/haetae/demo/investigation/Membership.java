package org.haetae.demo.investigation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Who is in which room and how they got there: the rosters, the rooms' openings (created, rules
 * posted and pinned), joins by link, invitations, a renamed title and a new group photo, a spammer
 * removed by the admin, and the suspect leaving his old group.
 */
final class Membership {
  private static final long DAY = Script.DAY;
  private final Script s;
  private final Random r;
  private final Cast cast;
  private final Timeline time;
  private final Room big;
  private final Room suspects;
  private final Room channel;
  private final Room english;
  private final Room leaderChat;
  private final Room friendChat;
  private final Room creatorChat;
  private final Room saved;
  private final Room oldGroup;
  private final Room botChat;

  Membership(Script s) {
    this.s = s;
    this.r = s.r;
    this.cast = s.cast;
    this.time = s.time;
    this.big = s.big;
    this.suspects = s.suspects;
    this.channel = s.channel;
    this.english = s.english;
    this.leaderChat = s.leaderChat;
    this.friendChat = s.friendChat;
    this.creatorChat = s.creatorChat;
    this.saved = s.saved;
    this.oldGroup = s.oldGroup;
    this.botChat = s.botChat;
  }

  void enact() {
    rosters();
    services();
  }

  private void rosters() {
    List<Integer> bigRoster = new ArrayList<>();
    for (int m : cast.membersKo) {
      if (r.nextInt(100) < 85) {
        bigRoster.add(m);
      }
    }
    Script.addAll(bigRoster, cast.creatorsKo);
    Script.addAll(bigRoster, cast.distributorsKo);
    for (int q : cast.requestersKo) {
      if (r.nextInt(100) < 80) {
        bigRoster.add(q);
      }
    }
    bigRoster.addAll(
        List.of(cast.leader, cast.r3Admin, cast.owner, cast.investigator, cast.friend));
    big.roster(Script.ints(bigRoster));
    big.activeFrom.put(cast.owner, time.ownerJoinsBigGroup());
    big.silent.add(cast.investigator);

    List<Integer> inner = new ArrayList<>(List.of(cast.leader, cast.owner));
    Script.addAll(inner, cast.creatorsKo);
    for (int q : cast.requestersKo) {
      if (r.nextInt(100) < 60) {
        inner.add(q);
      }
    }
    for (int d : cast.distributorsKo) {
      if (r.nextInt(100) < 50 || d == cast.distributorsKo[0]) {
        inner.add(d);
      }
    }
    int members = Math.max(15, cast.membersKo.length / 8);
    for (int i = 0; i < members; i++) {
      inner.add(cast.membersKo[r.nextInt(cast.membersKo.length)]);
    }
    suspects.roster(Script.distinct(inner));

    List<Integer> e = new ArrayList<>(List.of(cast.r4Admin));
    Script.addAll(e, cast.creatorsEn);
    Script.addAll(e, cast.requestersEn);
    Script.addAll(e, cast.distributorsEn);
    Script.addAll(e, cast.membersEn);
    Script.addAll(e, cast.bilingual);
    english.roster(Script.distinct(e));

    List<Integer> x = new ArrayList<>(List.of(cast.xAdmin, cast.owner, cast.leader));
    x.add(cast.distributorsKo[4]);
    x.add(cast.distributorsKo[5]);
    for (int i = 0; i < 15; i++) {
      x.add(cast.membersKo[r.nextInt(cast.membersKo.length)]);
    }
    oldGroup.roster(Script.distinct(x));

    leaderChat.roster(new int[] {cast.owner, cast.leader});
    friendChat.roster(new int[] {cast.owner, cast.friend});
    creatorChat.roster(new int[] {cast.owner, cast.privateCreator});
    saved.roster(new int[] {cast.owner});
    botChat.roster(new int[] {cast.owner, cast.bot});
  }

  private void services() {
    groupOpening(big, cast.r3Admin, Phrases.KO.one("rules-big-group"));
    groupOpening(suspects, cast.leader, Phrases.KO.one("rules-requests-room"));
    groupOpening(english, cast.r4Admin, Phrases.EN.one("rules-english-room"));
    groupOpening(oldGroup, cast.xAdmin, null);

    Event created = s.event(channel, channel.start() + 60, Event.Kind.SERVICE);
    created.action = "create_channel";
    created.sender = Event.CHANNEL;
    Event notice =
        s.text(channel, channel.start() + 600, Event.CHANNEL, Phrases.KO.one("channel-notice"));
    Event pin = s.event(channel, channel.start() + 700, Event.Kind.SERVICE);
    pin.action = "pin_message";
    pin.sender = Event.CHANNEL;
    pin.pinned = notice.key;

    // The leader brings the owner into his room a day after opening it.
    Event invite = s.event(suspects, suspects.start() + DAY, Event.Kind.SERVICE);
    invite.action = "invite_members";
    invite.sender = cast.leader;
    List<Integer> invited = new ArrayList<>(List.of(cast.owner));
    for (int p : suspects.roster()) {
      if (p != cast.leader && p != cast.owner && invited.size() < 5 && r.nextBoolean()) {
        invited.add(p);
      }
    }
    invite.members = Script.ints(invited);
    for (int p : invite.members) {
      suspects.activeFrom.put(p, invite.time);
    }
    joins(big, 0.35, cast.r3Admin);
    joins(suspects, 0.25, cast.leader);
    joins(english, 0.4, cast.r4Admin);
    joins(oldGroup, 0.3, cast.xAdmin);
    invites(big, 4);
    invites(suspects, 3);

    Event ownerJoins = s.event(big, time.ownerJoinsBigGroup(), Event.Kind.SERVICE);
    ownerJoins.action = "join_group_by_link";
    ownerJoins.sender = cast.owner;
    ownerJoins.inviter = cast.r3Admin;
    Event investigator = s.event(big, ActivityClock.kst(2024, 7, 2, 21, 5), Event.Kind.SERVICE);
    investigator.action = "join_group_by_link";
    investigator.sender = cast.investigator;
    investigator.inviter = cast.r3Admin;
    big.activeFrom.put(cast.investigator, investigator.time);

    Event title = s.event(big, ActivityClock.kst(2024, 5, 3, 22, 14), Event.Kind.SERVICE);
    title.action = "edit_group_title";
    title.sender = cast.r3Admin;
    title.text = "새벽 수다방 2호";
    big.retitle(title.text, title.time);
    Event photo = s.event(big, ActivityClock.kst(2024, 2, 1, 20, 40), Event.Kind.SERVICE);
    photo.action = "edit_group_photo";
    photo.sender = cast.r3Admin;
    photo.picture = new Picture(Pictures.Kind.GROUP_PHOTO, r.nextLong(), null, Edit.EXACT);
    s.countPicture();

    // A spammer posts an advert and is removed by the admin.
    int spammer = cast.membersKo[r.nextInt(cast.membersKo.length)];
    long ad = big.clock.at(0.3 + 0.2 * r.nextDouble());
    s.text(big, ad, spammer, "🔥 코인 리딩방 무료 입장 https://example.com/join 선착순");
    Event removed = s.event(big, ad + 240, Event.Kind.SERVICE);
    removed.action = "remove_members";
    removed.sender = cast.r3Admin;
    removed.members = new int[] {spammer};
    big.silent.add(spammer);
    suspects.silent.add(spammer);
    english.silent.add(spammer);
    oldGroup.silent.add(spammer);

    // The owner leaves the old group, which is why it is under left_chats.
    Event left = s.event(oldGroup, oldGroup.end() - 60, Event.Kind.SERVICE);
    left.action = "remove_members";
    left.sender = cast.owner;
    left.members = new int[] {cast.owner};
    s.text(oldGroup, oldGroup.end() - 3_600, cast.xAdmin, "이 방 곧 폭파함 새 방 링크는 DM");

    for (int i = 0; i < 2; i++) {
      Event call = s.event(friendChat, friendChat.clock.at(r.nextDouble()), Event.Kind.SERVICE);
      call.action = "phone_call";
      call.sender = i == 0 ? cast.friend : cast.owner;
      call.callSeconds = 30 + r.nextInt(900);
    }
  }

  private void groupOpening(Room room, int admin, String rules) {
    Event create = s.event(room, room.start(), Event.Kind.SERVICE);
    create.action = "create_group";
    create.sender = admin;
    List<Integer> first = new ArrayList<>(List.of(admin));
    for (int p : room.roster()) {
      if (first.size() < 4 && p != admin && p != cast.owner && !room.silent.contains(p)) {
        first.add(p);
      }
    }
    create.members = Script.ints(first);
    if (rules != null) {
      Event notice = s.text(room, room.start() + 3_600, admin, rules);
      Event pin = s.event(room, room.start() + 3_700, Event.Kind.SERVICE);
      pin.action = "pin_message";
      pin.sender = admin;
      pin.pinned = notice.key;
    }
  }

  private void joins(Room room, double share, int linkOwner) {
    long early = room.start() + 2 * DAY;
    for (int p : room.roster()) {
      if (p == cast.owner || p == cast.investigator || room.activeFrom.containsKey(p)) {
        continue;
      }
      if (r.nextDouble() >= share) {
        continue;
      }
      long t =
          s.special(p)
              ? room.clock.between(room.start() + 600, early, r.nextDouble())
              : room.clock.at(r.nextDouble() * 0.9);
      Event join = s.event(room, t, Event.Kind.SERVICE);
      join.action = "join_group_by_link";
      join.sender = p;
      join.inviter = linkOwner;
      room.activeFrom.put(p, t);
    }
  }

  /** Ordinary members adding friends; adding people is not administering a room. */
  private void invites(Room room, int batches) {
    int[] roster = room.roster();
    for (int b = 0; b < batches; b++) {
      int inviter = roster[r.nextInt(roster.length)];
      if (s.special(inviter) || room.silent.contains(inviter)) {
        continue;
      }
      long t = room.clock.at(0.1 + 0.8 * r.nextDouble());
      if (!room.activeAt(inviter, t)) {
        continue;
      }
      List<Integer> who = new ArrayList<>();
      for (int i = 0; i < 2 + r.nextInt(3); i++) {
        int p = roster[r.nextInt(roster.length)];
        if (!s.special(p) && p != inviter && !room.activeFrom.containsKey(p)) {
          who.add(p);
          room.activeFrom.put(p, t);
        }
      }
      if (who.isEmpty()) {
        continue;
      }
      Event e = s.event(room, t, Event.Kind.SERVICE);
      e.action = "invite_members";
      e.sender = inviter;
      e.members = Script.distinct(who);
    }
  }
}
