package org.haetae.demo.investigation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The victim pictures' stories: a request naming or showing a person, the first post of the picture
 * by its creator (often as a reply to the request), then reposts with edits, forwards across rooms,
 * the channel's stamped copy and its forwards, the suspect's saved copies. Also requests answered
 * with a new picture that is in no bank, and requests nobody answered.
 */
final class Stories {
  private static final long DAY = Script.DAY;
  private final Script s;
  private final Random r;
  private final Cast cast;
  private final Timeline time;
  private final Investigation.Options options;
  private final List<Original> originals;
  private final Room big;
  private final Room suspects;
  private final Room channel;
  private final Room english;
  private final Room leaderChat;
  private final Room creatorChat;
  private final Room saved;
  private final Room oldGroup;
  private final List<Copy> copies = new ArrayList<>();

  Stories(Script s) {
    this.s = s;
    this.r = s.r;
    this.cast = s.cast;
    this.time = s.time;
    this.options = s.options;
    this.originals = s.originals;
    this.big = s.big;
    this.suspects = s.suspects;
    this.channel = s.channel;
    this.english = s.english;
    this.leaderChat = s.leaderChat;
    this.creatorChat = s.creatorChat;
    this.saved = s.saved;
    this.oldGroup = s.oldGroup;
  }

  /** Where a victim picture is visible, and whom a forward of it names. */
  private record Copy(Original original, Room room, long time, Picture picture, int origin) {}

  void enact() {
    for (Original o : originals) {
      story(o);
    }
    ensureOwnerShares();
    fresh();
    unansweredRequests();
  }

  private void story(Original o) {
    int i = o.index();
    Room room;
    int roll = r.nextInt(100);
    if (i == 0) {
      room = suspects;
    } else if (i == 1) {
      room = creatorChat;
    } else if (roll < 40) {
      room = suspects;
    } else if (roll < 60) {
      room = big;
    } else if (roll < 92) {
      room = english;
    } else {
      room = creatorChat;
    }
    boolean ko = room.korean;
    long t0 = room.clock.between(room.start() + 5 * DAY, room.end() - 14 * DAY, r.nextDouble());
    int creator;
    if (room == creatorChat) {
      creator = cast.privateCreator;
    } else if (room == suspects && r.nextInt(100) < 20) {
      creator = cast.leader;
    } else {
      int[] pool = ko ? cast.creatorsKo : Script.withoutLast(cast.creatorsEn);
      creator = s.pick(pool, room, t0);
    }
    if (creator < 0) {
      creator = ko ? cast.creatorsKo[0] : cast.creatorsEn[0];
    }
    Event request = null;
    if (room == creatorChat || i == 0 || r.nextInt(100) < 75) {
      int requester =
          room == creatorChat || i == 0
              ? cast.owner
              : s.pick(ko ? cast.requestersKo : cast.requestersEn, room, t0 - 3 * DAY);
      if (requester >= 0) {
        long tr = Math.max(room.start() + 3_600, t0 - 1_200 - r.nextInt((int) (2 * DAY)));
        if (room.activeAt(requester, tr)) {
          request = request(room, tr, requester, o.person(), ko);
        }
      }
    }
    // The bank's MD5 entries are of exact files, so those pictures are first posted unedited.
    Edit edit = Edit.creation(r);
    Event creation =
        s.photo(room, t0, creator, Picture.victim(o, o.md5() != null ? Edit.EXACT : edit));
    creation.creation = true;
    creation.text = Phrases.delivery(r, ko);
    if (request != null) {
      creation.replyTo = request.key;
      if (r.nextInt(100) < 30) {
        Event thanks =
            s.text(room, t0 + 120 + r.nextInt(1_800), request.sender, ko ? "감사합니다 ㅋㅋ" : "thx");
        thanks.replyTo = creation.key;
      }
    }
    copies.add(new Copy(o, room, t0, creation.picture, creator));
    int spreads = 2 + r.nextInt(6);
    for (int n = 0; n < spreads; n++) {
      for (int attempt = 0; attempt < 4 && !spread(o); attempt++) {
        // try another kind of spread
      }
    }
  }

  private Event request(Room room, long t, int requester, Phrases.Target person, boolean ko) {
    int roll = r.nextInt(100);
    String words = roll < 8 ? Phrases.quietRequest(r, ko, person) : Phrases.request(r, ko, person);
    if (Phrases.pointsAtAPicture(words) && (roll < 8 || roll >= 45)) {
      roll = 8 + r.nextInt(37);
    }
    Event e;
    if (roll >= 8 && roll < 22) {
      // The picture of the person first, then the request as a reply to it.
      Event pic = s.photo(room, t - 60, requester, requestPhoto());
      e = s.text(room, t, requester, words);
      e.replyTo = pic.key;
    } else if (roll >= 22 && roll < 45) {
      e = s.photo(room, t, requester, requestPhoto());
      e.text = words;
    } else {
      e = s.text(room, t, requester, words);
    }
    e.request = true;
    if (r.nextInt(100) < 40) {
      int other = s.pick(room.roster(), room, t);
      if (other >= 0 && other != requester && !s.special(other)) {
        Event reply = s.text(room, t + 60 + r.nextInt(900), other, Phrases.requestReply(r, ko));
        reply.replyTo = e.key;
      }
    }
    return e;
  }

  private Picture requestPhoto() {
    return new Picture(Pictures.Kind.REQUEST_PHOTO, r.nextLong(), null, Edit.EXACT);
  }

  /** One more appearance of a victim picture; false when the roll did not fit (try again). */
  private boolean spread(Original o) {
    List<Copy> mine = new ArrayList<>();
    Copy inChannel = null;
    for (int i = copies.size() - 1; i >= 0 && copies.get(i).original() == o; i--) {
      mine.add(copies.get(i));
      if (copies.get(i).room() == channel) {
        inChannel = copies.get(i);
      }
    }
    Copy src = mine.get(r.nextInt(mine.size()));
    long t = src.time() + s.delay();
    int roll = r.nextInt(100);
    if (src.room() == english) {
      if (roll < 60) {
        return repost(o, english, t, cast.distributorsEn);
      }
      return forward(src, big, t, s.pickBilingual(big, t));
    }
    if (roll < 24) {
      Room target = src.room().isGroup() ? src.room() : src.room() == channel ? big : suspects;
      return repost(o, target, t, cast.distributorsKo);
    }
    if (roll < 42) {
      return src.room() != big && forward(src, big, t, s.pick(cast.distributorsKo, big, t));
    }
    if (roll < 56) {
      if (inChannel != null) {
        return false;
      }
      if (!channel.contains(t)) {
        return false;
      }
      Event e =
          s.photo(
              channel, t, Event.CHANNEL, Picture.victim(o, Edit.channel(r, Script.CHANNEL_HANDLE)));
      e.text = Phrases.channelCaption(r);
      copies.add(new Copy(o, channel, t, e.picture, Event.CHANNEL));
      return true;
    }
    if (roll < 70) {
      if (inChannel == null) {
        return false;
      }
      Room target = r.nextBoolean() ? big : suspects;
      long tc = inChannel.time() + s.delay();
      return forward(inChannel, target, tc, s.pick(cast.distributorsKo, target, tc));
    }
    if (roll < 79) {
      return ownerVisible(src) && save(src, t);
    }
    if (roll < 84) {
      return src.room().isGroup() || src.room() == channel
          ? forward(src, leaderChat, t, cast.leader)
          : false;
    }
    if (roll < 89) {
      return ownerVisible(src) && src.room() != big && forward(src, big, t, cast.owner);
    }
    if (roll < 94) {
      return forward(src, english, t, s.pickBilingual(english, t));
    }
    return forward(src, oldGroup, t, s.pick(cast.distributorsKo, oldGroup, t));
  }

  private boolean ownerVisible(Copy c) {
    Room room = c.room();
    return room == suspects
        || room == channel
        || room == leaderChat
        || room == creatorChat
        || (room == big && c.time() >= time.ownerJoinsBigGroup());
  }

  private boolean repost(Original o, Room target, long t, int[] pool) {
    int sender = s.pick(pool, target, t);
    if (sender < 0 || !target.contains(t)) {
      return false;
    }
    Event e = s.photo(target, t, sender, Picture.victim(o, Edit.repost(r)));
    e.text = Phrases.repostCaption(r, target.korean);
    copies.add(new Copy(o, target, t, e.picture, sender));
    return true;
  }

  private boolean forward(Copy src, Room target, long t, int sender) {
    if (sender < 0 || !target.contains(t) || !target.activeAt(sender, t) || target == src.room()) {
      return false;
    }
    if (sender == cast.owner && target == big && t < time.ownerJoinsBigGroup()) {
      return false;
    }
    Event e = s.photo(target, t, sender, src.picture());
    e.forwarded = true;
    e.origin = src.origin();
    e.text = r.nextInt(100) < 70 ? "" : Phrases.repostCaption(r, target.korean);
    copies.add(new Copy(src.original(), target, t, src.picture(), src.origin()));
    return true;
  }

  private boolean save(Copy src, long t) {
    if (!saved.contains(t)) {
      return false;
    }
    Event e = s.photo(saved, t, cast.owner, src.picture());
    e.forwarded = true;
    e.origin = src.origin();
    e.savedFrom = src.room();
    return true;
  }

  /** The owner both keeps and passes on what he receives; make sure the script shows both. */
  private void ensureOwnerShares() {
    int saves = 0;
    int shares = 0;
    for (Event e : saved.events) {
      saves += e.victim() ? 1 : 0;
    }
    for (Event e : big.events) {
      shares += e.victim() && e.sender == cast.owner ? 1 : 0;
    }
    for (int i = 0, n = copies.size(); i < n; i++) {
      Copy c = copies.get(i);
      if (saves >= 2 && shares >= 1) {
        return;
      }
      if (c.room() == suspects || c.room() == channel) {
        long t = Math.max(c.time(), time.ownerJoinsBigGroup()) + s.delay();
        if (shares < 1 && forward(c, big, t, cast.owner)) {
          shares++;
        } else if (saves < 2 && save(c, c.time() + s.delay())) {
          saves++;
        }
      }
    }
  }

  /** Requests answered with a new picture that is in no bank: creation all the same. */
  private void fresh() {
    int count = Math.max(2, originals.size() / 8);
    for (int i = 0, attempts = 0; i < count && attempts < count * 10; attempts++) {
      Room room = i == 0 ? english : i == 1 ? suspects : r.nextBoolean() ? english : suspects;
      boolean ko = room.korean;
      long t0 = room.clock.between(room.start() + 5 * DAY, room.end() - 3 * DAY, r.nextDouble());
      int creator =
          i == 0 || (!ko && r.nextBoolean())
              ? cast.freshOnlyCreator
              : s.pick(ko ? cast.creatorsKo : cast.creatorsEn, room, t0);
      long tr = t0 - 1_800 - r.nextInt(86_400);
      int requester = s.pick(ko ? cast.requestersKo : cast.requestersEn, room, tr);
      if (creator < 0 || requester < 0 || !room.activeAt(creator, t0)) {
        continue;
      }
      Event request = request(room, tr, requester, Phrases.target(r), ko);
      Picture pic = new Picture(Pictures.Kind.FRESH, r.nextLong(), null, Edit.EXACT);
      while (VictimBank.resembles(
          pic.bytes(options.pictureWidth(), options.pictureHeight()), originals)) {
        pic = new Picture(Pictures.Kind.FRESH, r.nextLong(), null, Edit.EXACT);
      }
      Event answer = s.photo(room, t0, creator, pic);
      answer.fresh = true;
      answer.replyTo = request.key;
      answer.text = Phrases.delivery(r, ko);
      i++;
    }
  }

  private void unansweredRequests() {
    int count = Math.max(4, originals.size() / 3);
    for (int i = 0; i < count; i++) {
      Room room = r.nextInt(5) < 2 ? english : r.nextBoolean() ? big : suspects;
      boolean ko = room.korean;
      long t = room.clock.between(room.start() + 2 * DAY, room.end() - DAY, r.nextDouble());
      int requester = s.pick(ko ? cast.requestersKo : cast.requestersEn, room, t);
      if (requester >= 0) {
        request(room, t, requester, Phrases.target(r), ko);
      }
    }
  }
}
