package org.haetae.demo.investigation;

import java.util.List;
import java.util.Random;

/**
 * What makes the rooms look like rooms around the crimes: news talk that happens to use the
 * lexicon's words, evasion and payment talk, personal details, and memes, views and meals posted
 * and passed around by ordinary members (so reposting alone proves nothing).
 */
final class Everyday {
  private static final long DAY = Script.DAY;
  private final Script s;
  private final Random r;
  private final Cast cast;
  private final Investigation.Options options;
  private final List<Original> originals;
  private final Room big;
  private final Room suspects;
  private final Room channel;
  private final Room english;
  private final Room friendChat;
  private final Room saved;
  private final Room oldGroup;

  Everyday(Script s) {
    this.s = s;
    this.r = s.r;
    this.cast = s.cast;
    this.options = s.options;
    this.originals = s.originals;
    this.big = s.big;
    this.suspects = s.suspects;
    this.channel = s.channel;
    this.english = s.english;
    this.friendChat = s.friendChat;
    this.saved = s.saved;
    this.oldGroup = s.oldGroup;
  }

  void enact() {
    talk();
    namesThatChange();
    harmlessPictures();
  }

  private void talk() {
    long m = options.messages();
    for (int i = 0; i < Math.max(8, m / 400); i++) {
      Room room = r.nextInt(100) < 60 ? big : r.nextInt(100) < 60 ? english : suspects;
      plainMemberSays(room, Phrases.benignFlagged(r, room.korean));
    }
    for (int i = 0; i < Math.max(6, m / 600); i++) {
      Room room = r.nextInt(4) == 0 ? english : r.nextBoolean() ? suspects : big;
      if (r.nextInt(100) < 20) {
        plainMemberSays(room, Phrases.evasion(r, room.korean));
      } else {
        roleHolderSays(room, Phrases.evasion(r, room.korean));
      }
    }
    for (int i = 0; i < Math.max(4, m / 900); i++) {
      Room room = r.nextInt(4) == 0 ? english : suspects;
      if (r.nextInt(100) < 20) {
        plainMemberSays(room, Phrases.paymentQuestion(r, room.korean));
      } else if (room == suspects && r.nextInt(3) == 0) {
        long t = channel.clock.at(r.nextDouble());
        s.text(channel, t, Event.CHANNEL, Phrases.payment(r, true));
      } else {
        int[] pool = room.korean ? cast.creatorsKo : cast.creatorsEn;
        says(room, pool, Phrases.payment(r, room.korean));
      }
    }
    for (int i = 0; i < Math.max(5, m / 800); i++) {
      Room room = r.nextInt(4) == 0 ? english : r.nextBoolean() ? suspects : big;
      if (r.nextInt(100) < 20 && room.korean) {
        plainMemberSays(room, Phrases.ownDetails(r, Phrases.target(r)));
      } else {
        Phrases.Target who = originals.get(r.nextInt(originals.size())).person();
        int[] pool = room.korean ? cast.requestersKo : cast.requestersEn;
        says(room, pool, Phrases.personalDetails(r, room.korean, who));
      }
    }
  }

  /**
   * Words in the big group, while both its exports cover it, from accounts whose name changes or
   * that get deleted before the later export: the two exports then disagree on who said them.
   */
  private void namesThatChange() {
    long from = s.time.ownerJoinsBigGroup();
    long to = s.time.undercoverExport();
    for (int who : new int[] {cast.creatorsKo[1], cast.distributorsKo[3]}) {
      for (int i = 0; i < 3; i++) {
        s.text(big, big.clock.between(from, to, r.nextDouble()), who, Phrases.chat(r, true));
      }
    }
  }

  private void plainMemberSays(Room room, String words) {
    int[] pool = room.korean ? cast.membersKo : cast.membersEn;
    says(room, pool, words);
  }

  private void roleHolderSays(Room room, String words) {
    int[] pool;
    if (room.korean) {
      pool =
          Script.concat(
              cast.creatorsKo, cast.distributorsKo, new int[] {cast.leader, cast.r3Admin});
    } else {
      pool = Script.concat(cast.creatorsEn, cast.distributorsEn, new int[] {cast.r4Admin});
    }
    says(room, pool, words);
  }

  private void says(Room room, int[] pool, String words) {
    long t = room.clock.between(room.start() + DAY, room.end() - 600, r.nextDouble());
    int who = s.pick(pool, room, t);
    if (who >= 0) {
      s.text(room, t, who, words);
    }
  }

  /** Memes, views and meals, posted and passed around by ordinary members. */
  private void harmlessPictures() {
    Room[] firstRooms = {big, big, big, big, big, suspects, english, english, friendChat, oldGroup};
    Room[] repostRooms = {big, big, suspects, english, friendChat, saved};
    int guard = 0;
    while (s.pictureMessages() < options.images() && guard++ < options.images() * 4) {
      int roll = r.nextInt(100);
      Pictures.Kind kind =
          roll < 55 ? Pictures.Kind.MEME : roll < 80 ? Pictures.Kind.LANDSCAPE : Pictures.Kind.FOOD;
      Room room = firstRooms[r.nextInt(firstRooms.length)];
      long t = room.clock.at(r.nextDouble() * 0.95);
      int poster = anyone(room, t);
      if (poster < 0) {
        continue;
      }
      Picture pic = new Picture(kind, r.nextLong(), null, Edit.EXACT);
      Event first = s.photo(room, t, poster, pic);
      int origin = poster;
      if (kind == Pictures.Kind.MEME && r.nextInt(100) < 40) {
        first.forwarded = true;
        first.externalOrigin =
            room.korean ? (r.nextBoolean() ? "짤방 저장소" : "웃긴자료 모음") : "Daily Memes";
        origin = Event.NOBODY;
      }
      first.text =
          kind == Pictures.Kind.MEME
              ? Phrases.memeCaption(r, room.korean)
              : Phrases.photoCaption(r, room.korean);
      int reposts = kind == Pictures.Kind.MEME ? r.nextInt(5) : r.nextInt(2);
      long last = t;
      for (int i = 0; i < reposts && s.pictureMessages() < options.images(); i++) {
        Room target = repostRooms[r.nextInt(repostRooms.length)];
        long tr = last + s.delay();
        int who = anyone(target, tr);
        if (who < 0 || !target.contains(tr)) {
          continue;
        }
        Event e;
        if (r.nextInt(100) < 60 && target != room) {
          e = s.photo(target, tr, who, pic);
          e.forwarded = true;
          e.origin = origin;
          e.externalOrigin = first.externalOrigin;
          if (target == saved) {
            e.savedFrom = room;
          }
        } else {
          Edit edit = Edit.EXACT.withQuality(r);
          Picture again =
              new Picture(kind, pic.seed, null, r.nextBoolean() ? edit : edit.withScale(r));
          e = s.photo(target, tr, who, again);
          e.text =
              kind == Pictures.Kind.MEME
                  ? Phrases.memeCaption(r, target.korean)
                  : Phrases.photoCaption(r, target.korean);
        }
        last = tr;
      }
    }
  }

  private int anyone(Room room, long t) {
    if (room.isSaved()) {
      return cast.owner;
    }
    return s.pick(room.roster(), room, t);
  }
}
