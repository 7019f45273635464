package org.haetae.demo.investigation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The invented people of the investigation and the parts they are cast in. Who ends up with which
 * role is decided by what the script makes them do; the cast only says who is available for what.
 * User ids are drawn at random so that nothing about an id hints at its part.
 */
final class Cast {
  /** One Telegram account. Names are display names, which exports write as of export time. */
  static final class Person {
    final int index;
    final long userId;
    final boolean korean;
    final String name;
    String laterName;
    long renameAt = Long.MAX_VALUE;
    long deletedAt = Long.MAX_VALUE;

    Person(int index, long userId, boolean korean, String name) {
      this.index = index;
      this.userId = userId;
      this.korean = korean;
      this.name = name;
    }

    String id() {
      return "user" + userId;
    }

    /** The name an export made at {@code t} shows, or null once the account is deleted. */
    String nameAt(long t) {
      if (t >= deletedAt) {
        return null;
      }
      return t >= renameAt && laterName != null ? laterName : name;
    }
  }

  final List<Person> people = new ArrayList<>();
  final int owner;
  final int leader;
  final int r3Admin;
  final int r4Admin;
  final int xAdmin;
  final int bot;
  final int investigator;
  final int friend;
  final int privateCreator;
  final int[] creatorsKo;
  final int[] creatorsEn;
  final int freshOnlyCreator;
  final int[] requestersKo;
  final int[] requestersEn;
  final int[] distributorsKo;
  final int[] distributorsEn;
  final int[] bilingual;
  final int[] membersKo;
  final int[] membersEn;

  private final Random random;
  private final Set<String> names = new HashSet<>();
  private final Set<Long> ids = new HashSet<>();

  Cast(Random random, int accounts, int originals, Timeline time) {
    this.random = random;
    // Pools grow with the number of victim pictures, but only so far: in big cases a few hundred
    // people do most of the damage, however many pictures there are.
    int creatorsKoCount = clamp(originals / 6, 2, 40);
    int creatorsEnCount = clamp(originals / 10, 2, 20);
    int requestersKoCount = clamp(originals / 2, 4, 300);
    int requestersEnCount = clamp(originals / 5, 2, 100);
    int distributorsKoCount = clamp(originals, 6, 600);
    int distributorsEnCount = clamp(originals / 3, 3, 200);
    int special =
        creatorsKoCount
            + creatorsEnCount
            + requestersKoCount
            + requestersEnCount
            + distributorsKoCount
            + distributorsEnCount
            + 8;
    if (special * 2 > accounts) {
      throw new IllegalArgumentException(
          accounts + " accounts are too few for " + originals + " victim pictures");
    }
    owner = add(true, "김도윤");
    leader = add(true, null);
    r3Admin = add(true, null);
    r4Admin = add(false, null);
    bot = add(true, "입장인증봇");
    investigator = add(true, null);
    friend = add(true, null);
    creatorsKo = addAll(true, creatorsKoCount);
    creatorsEn = addAll(false, creatorsEnCount);
    requestersKo = addAll(true, requestersKoCount);
    requestersEn = addAll(false, requestersEnCount);
    distributorsKo = addAll(true, distributorsKoCount);
    distributorsEn = addAll(false, distributorsEnCount);
    privateCreator = creatorsKo[0];
    freshOnlyCreator = creatorsEn[creatorsEn.length - 1];
    xAdmin = distributorsKo[distributorsKo.length - 1];
    // A few Korean accounts are also active in the English room.
    bilingual = new int[] {creatorsKo[creatorsKo.length - 1], distributorsKo[0], distributorsKo[1]};
    int remaining = accounts - people.size();
    int en = Math.max(10, (int) (accounts * 0.2) - creatorsEnCount - requestersEnCount);
    en = Math.min(en, remaining / 2);
    membersEn = addAll(false, en);
    membersKo = addAll(true, remaining - en);

    // Display names change over time; exports show the name as of the day they were made, so the
    // same id carries different names in exports of different days.
    for (Person p : people) {
      if (p.index != owner && p.index != leader && p.index != bot && random.nextInt(100) < 8) {
        rename(
            p,
            time.undercoverExport()
                + random.nextInt((int) (time.seizure() - time.undercoverExport())));
      }
    }
    rename(people.get(creatorsKo[1]), time.undercoverExport() + 86_400);
    rename(people.get(distributorsKo[2]), time.englishExport() + 3_600);
    // One distributor took the "delete your account" advice before the phone was seized.
    people.get(distributorsKo[3]).deletedAt = time.seizure() - 5 * 86_400L;
  }

  private static int clamp(int v, int min, int max) {
    return Math.max(min, Math.min(max, v));
  }

  Person person(int index) {
    return people.get(index);
  }

  private void rename(Person p, long at) {
    p.laterName = uniqueName(p.korean);
    p.renameAt = at;
  }

  private int[] addAll(boolean korean, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = add(korean, null);
    }
    return out;
  }

  private int add(boolean korean, String name) {
    long id;
    do {
      id = 5_000_000_000L + (long) (random.nextDouble() * 2_000_000_000L);
    } while (!ids.add(id));
    String n = name != null ? name : uniqueName(korean);
    names.add(n);
    Person p = new Person(people.size(), id, korean, n);
    people.add(p);
    return p.index;
  }

  private String uniqueName(boolean korean) {
    for (int attempt = 0; ; attempt++) {
      String n = korean ? koreanName() : englishName();
      if (attempt > 5) {
        n = n + (10 + random.nextInt(990));
      }
      if (names.add(n)) {
        return n;
      }
    }
  }

  private String koreanName() {
    int roll = random.nextInt(100);
    if (roll < 45) {
      return Phrases.pick(random, Phrases.KO.list("nickname-adjectives"))
          + Phrases.pick(random, Phrases.KO.list("nickname-nouns"));
    }
    if (roll < 65) {
      return Phrases.pick(random, Phrases.KO.list("nickname-short"))
          + (random.nextBoolean() ? "" : random.nextInt(100));
    }
    return Phrases.pick(random, Phrases.KO.list("surnames"))
        + Phrases.pick(random, Phrases.KO.list("boys-names"));
  }

  private String englishName() {
    int roll = random.nextInt(100);
    if (roll < 55) {
      return Phrases.pick(random, Phrases.EN.list("nickname-adjectives"))
          + (random.nextBoolean() ? "_" : "")
          + Phrases.pick(random, Phrases.EN.list("nickname-nouns"))
          + (random.nextBoolean() ? "" : Integer.toString(random.nextInt(100)));
    }
    return Phrases.pick(random, Phrases.EN.list("first-names"))
        + " "
        + (char) ('A' + random.nextInt(26))
        + ".";
  }
}
