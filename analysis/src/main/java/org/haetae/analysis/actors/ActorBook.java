package org.haetae.analysis.actors;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.haetae.analysis.result.NameUse;
import org.haetae.telegram.model.PeerId;

/**
 * Every actor of a case under one small number each: accounts by Telegram id across all exports,
 * and names that could not be tied to an id (a forward's source, a channel signature).
 *
 * <p>Ids are what Telegram guarantees; names are not unique and change. So a name is tied to an
 * account only when exactly one account of the case was ever seen with it, and otherwise kept as a
 * named-only actor for a person to judge.
 */
public final class ActorBook {
  private final Map<String, Integer> byKey = new HashMap<>();
  private final List<Actor> actors = new ArrayList<>();
  // Display name -> accounts seen with it; filled as names are seen.
  private final Map<String, BitSet> byName = new HashMap<>();

  /** One actor. Names are merged as they are seen. */
  public static final class Actor {
    final String key;
    final boolean namedOnly;
    final Map<String, long[]> names = new TreeMap<>(); // name -> first, last, count
    final TreeSet<String> usernames = new TreeSet<>();
    long messages;
    // The first message seen from it, so even a plain member's presence can be cited.
    Object firstPart;
    Long firstId;
    long firstDate = Long.MAX_VALUE;

    Actor(String key, boolean namedOnly) {
      this.key = key;
      this.namedOnly = namedOnly;
    }

    public String key() {
      return key;
    }

    public boolean namedOnly() {
      return namedOnly;
    }

    public long messages() {
      return messages;
    }

    /** The room part (see the rooms package) of the earliest message seen from it, or null. */
    public Object firstPart() {
      return firstPart;
    }

    public Long firstId() {
      return firstId;
    }

    public long firstDate() {
      return firstDate;
    }

    /** Keeps the earliest message seen from this actor. */
    public void sawMessage(Object part, Long id, long date) {
      if (firstPart == null || date < firstDate) {
        firstPart = part;
        firstId = id;
        firstDate = date;
      }
    }

    public List<String> usernames() {
      return List.copyOf(usernames);
    }

    /** Names oldest first (by first sighting; unknown dates last). */
    public List<NameUse> names() {
      List<NameUse> out = new ArrayList<>();
      for (Map.Entry<String, long[]> e : names.entrySet()) {
        long[] v = e.getValue();
        out.add(
            new NameUse(
                e.getKey(),
                v[0] == Long.MAX_VALUE ? null : v[0],
                v[1] == Long.MIN_VALUE ? null : v[1],
                v[2]));
      }
      out.sort(
          Comparator.comparing(
              (NameUse n) -> n.firstSeen() == null ? Long.MAX_VALUE : n.firstSeen()));
      return out;
    }
  }

  /**
   * The key an account id gets: {@code user123}; a bare number of an old export counts as a user.
   */
  public static String key(PeerId id) {
    return (id.kind().isEmpty() ? "user" : id.kind()) + id.id();
  }

  public int account(PeerId id) {
    return intern(key(id), false);
  }

  public int size() {
    return actors.size();
  }

  public Actor get(int idx) {
    return actors.get(idx);
  }

  public int find(String key) {
    Integer i = byKey.get(key);
    return i == null ? -1 : i;
  }

  private int intern(String key, boolean namedOnly) {
    Integer i = byKey.get(key);
    if (i != null) {
      return i;
    }
    int idx = actors.size();
    actors.add(new Actor(key, namedOnly));
    byKey.put(key, idx);
    return idx;
  }

  /** Records that account {@code idx} was seen named {@code name} (at {@code date}, if known). */
  public void named(int idx, String name, Long first, Long last, long count) {
    if (name == null || name.isBlank()) {
      return;
    }
    Actor a = actors.get(idx);
    long[] v = a.names.computeIfAbsent(name, n -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
    if (first != null) {
      v[0] = Math.min(v[0], first);
    }
    if (last != null) {
      v[1] = Math.max(v[1], last);
    }
    v[2] += count;
    if (!a.namedOnly) {
      byName.computeIfAbsent(name, n -> new BitSet()).set(idx);
    }
  }

  public void username(int idx, String username) {
    if (username != null && !username.isBlank()) {
      actors.get(idx).usernames.add(username.startsWith("@") ? username : "@" + username);
    }
  }

  public void messages(int idx, long n) {
    actors.get(idx).messages += n;
  }

  /**
   * The actor a bare display name stands for: the one account ever seen with that name, else a
   * named-only actor for it; -1 for no name.
   */
  public int byName(String name) {
    if (name == null || name.isBlank()) {
      return -1;
    }
    BitSet ids = byName.get(name);
    if (ids != null && ids.cardinality() == 1) {
      return ids.nextSetBit(0);
    }
    int idx = intern("name:" + name, true);
    named(idx, name, null, null, 0);
    return idx;
  }

  /** True when more than one account used this name, so it was not tied to any of them. */
  public boolean ambiguous(String name) {
    BitSet ids = name == null ? null : byName.get(name);
    return ids != null && ids.cardinality() > 1;
  }
}
