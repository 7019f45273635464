package org.haetae.telegram.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haetae.telegram.model.Account;
import org.haetae.telegram.model.PeerId;

/** Collects every account id seen as sender or actor, with the display names it used. */
final class AccountIndex {
  private static final class Seen {
    final PeerId id;
    boolean self;
    long messages;
    final Map<String, long[]> names = new LinkedHashMap<>(); // name -> {first, last, count}

    Seen(PeerId id) {
      this.id = id;
    }
  }

  private final Map<PeerId, Seen> accounts = new LinkedHashMap<>();

  void saw(PeerId id, String name, Long unixtime, boolean self, boolean counts) {
    if (id == null) {
      return;
    }
    Seen s = accounts.computeIfAbsent(id, Seen::new);
    s.self |= self;
    if (counts) {
      s.messages++;
    }
    if (name == null) {
      return;
    }
    long t = unixtime == null ? Long.MIN_VALUE : unixtime;
    long[] v = s.names.get(name);
    if (v == null) {
      s.names.put(name, new long[] {t, t, 1});
    } else {
      if (t != Long.MIN_VALUE) {
        v[0] = v[0] == Long.MIN_VALUE ? t : Math.min(v[0], t);
        v[1] = Math.max(v[1], t);
      }
      v[2]++;
    }
  }

  List<Account> accounts() {
    List<Account> out = new ArrayList<>();
    for (Seen s : accounts.values()) {
      List<Account.NameSeen> names = new ArrayList<>();
      s.names.forEach(
          (n, v) ->
              names.add(
                  new Account.NameSeen(
                      n,
                      v[0] == Long.MIN_VALUE ? null : v[0],
                      v[1] == Long.MIN_VALUE ? null : v[1],
                      v[2])));
      out.add(new Account(s.id, names, s.self, s.messages));
    }
    return out;
  }
}
