package org.haetae.analysis.spread;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haetae.analysis.intake.CaseMaterial;
import org.haetae.analysis.intake.Post;
import org.haetae.analysis.media.MediaMatch;
import org.haetae.analysis.result.BankMatch;
import org.haetae.analysis.result.SpreadEvent;
import org.haetae.analysis.result.SpreadTrail;
import org.haetae.analysis.rooms.Room;

/**
 * Follows each victim's image (bank entry) through the case: where it was first seen, every repost
 * and forward after, the edited variants, and how many rooms and people it reached.
 */
public final class SpreadTracer {
  private final CaseMaterial m;

  public SpreadTracer(CaseMaterial material) {
    this.m = material;
  }

  /** One line per message, file and entry matched. */
  public List<BankMatch> matches() {
    List<BankMatch> out = new ArrayList<>();
    for (Post p : m.posts()) {
      for (String sha : p.media()) {
        for (MediaMatch mm : m.matches().getOrDefault(sha, List.of())) {
          out.add(
              new BankMatch(
                  m.ref(p),
                  sha,
                  mm.bank(),
                  mm.entryId(),
                  mm.how(),
                  mm.distance(),
                  mm.labels(),
                  mm.face()));
        }
      }
    }
    return out;
  }

  /** Trails, the one that reached most rooms first. */
  public List<SpreadTrail> trails() {
    record Seen(Post post, String sha, MediaMatch match) {}
    Map<String, List<Seen>> byEntry = new LinkedHashMap<>();
    for (Post p : m.posts()) {
      Set<String> once = new HashSet<>();
      for (String sha : p.media()) {
        for (MediaMatch mm : m.matches().getOrDefault(sha, List.of())) {
          if (once.add(mm.entryKey())) {
            byEntry
                .computeIfAbsent(mm.entryKey(), k -> new ArrayList<>())
                .add(new Seen(p, sha, mm));
          }
        }
      }
    }
    List<SpreadTrail> trails = new ArrayList<>();
    for (List<Seen> seen : byEntry.values()) {
      List<SpreadEvent> events = new ArrayList<>();
      Set<String> rooms = new LinkedHashSet<>();
      Set<String> variants = new HashSet<>();
      BitSet reached = new BitSet();
      for (int i = 0; i < seen.size(); i++) {
        Seen s = seen.get(i);
        Post p = s.post();
        Room room = m.room(p);
        String kind = p.forwarded() ? "forward" : i == 0 ? "first_post" : "repost";
        int fwd = m.forwardedFrom()[indexOf(p)];
        events.add(
            new SpreadEvent(
                m.ref(p),
                kind,
                m.actorKey(p.sender()),
                m.actorKey(fwd),
                s.sha(),
                s.match().distance()));
        if (rooms.add(room.key())) {
          reached.or(room.members());
        }
        variants.add(s.sha());
      }
      MediaMatch first = seen.get(0).match();
      trails.add(
          new SpreadTrail(
              first.bank(),
              first.entryId(),
              first.labels(),
              events,
              List.copyOf(rooms),
              reached.cardinality(),
              variants.size()));
    }
    trails.sort(
        Comparator.comparingInt((SpreadTrail t) -> -t.rooms().size())
            .thenComparingInt(t -> -t.events().size())
            .thenComparing(SpreadTrail::entryId));
    return trails;
  }

  private final Map<Post, Integer> index = new java.util.IdentityHashMap<>();

  private int indexOf(Post p) {
    if (index.isEmpty()) {
      for (int i = 0; i < m.posts().size(); i++) {
        index.put(m.posts().get(i), i);
      }
    }
    return index.get(p);
  }
}
