package org.haetae.analysis.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haetae.analysis.intake.CaseMaterial;
import org.haetae.analysis.intake.Post;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.Role;
import org.haetae.analysis.rooms.Room;

/**
 * Builds the case graph: rooms, accounts and matched media as nodes; membership, administration,
 * posting, forwarding and carrying as weighted edges. Plain members are left out of big cases (they
 * would drown the picture); {@code report.json} still lists them.
 */
public final class GraphBuilder {
  /** Above this many accounts, only those with a role other than member are drawn. */
  static final int ALL_MEMBERS_UP_TO = 2000;

  private GraphBuilder() {}

  public static CaseGraph build(CaseMaterial m, List<ActorProfile> accounts) {
    Map<String, CaseGraph.Node> nodes = new LinkedHashMap<>();
    Map<String, long[]> edges = new LinkedHashMap<>();
    Map<String, ActorProfile> byKey = new HashMap<>();
    boolean everyone = accounts.size() <= ALL_MEMBERS_UP_TO;
    for (ActorProfile a : accounts) {
      boolean significant = a.roles().stream().anyMatch(r -> r.role() != Role.MEMBER);
      if (everyone || significant) {
        byKey.put(a.key(), a);
        nodes.put(
            a.key(),
            new CaseGraph.Node(a.key(), "account", a.displayName(), a.score(), significant));
      }
    }
    Map<String, Boolean> roomMatched = new HashMap<>();
    for (Post p : m.posts()) {
      if (m.matched(p)) {
        roomMatched.put(m.room(p).key(), true);
      }
    }
    for (Room r : m.rooms().rooms()) {
      nodes.put(
          r.key(),
          new CaseGraph.Node(
              r.key(),
              "chat",
              r.name() == null ? r.key() : r.name(),
              0,
              roomMatched.containsKey(r.key())));
      for (int i = r.members().nextSetBit(0); i >= 0; i = r.members().nextSetBit(i + 1)) {
        String key = m.actors().get(i).key();
        if (byKey.containsKey(key)) {
          edge(edges, key, r.key(), "member");
        }
      }
    }
    for (ActorProfile a : byKey.values()) {
      a.roles().stream()
          .filter(c -> c.role() == Role.ADMIN)
          .flatMap(c -> c.evidence().stream())
          .forEach(ref -> edge(edges, a.key(), ref.chatKey(), "admin"));
    }
    for (int i = 0; i < m.posts().size(); i++) {
      Post p = m.posts().get(i);
      String sender = m.actorKey(p.sender());
      for (String sha : p.media()) {
        if (!m.matches().containsKey(sha)) {
          continue;
        }
        String media = "media:" + sha.substring(0, 16);
        nodes.putIfAbsent(media, new CaseGraph.Node(media, "media", sha.substring(0, 12), 0, true));
        edge(edges, m.room(p).key(), media, "carried");
        if (sender != null && nodes.containsKey(sender)) {
          edge(edges, sender, media, p.forwarded() ? "forwarded" : "posted");
        }
      }
      String from = m.actorKey(m.forwardedFrom()[i]);
      if (from != null && sender != null && m.matched(p)) {
        if (!nodes.containsKey(from)) {
          nodes.put(
              from, new CaseGraph.Node(from, "account", from.replaceFirst("^name:", ""), 0, false));
        }
        if (nodes.containsKey(sender)) {
          edge(edges, sender, from, "forwarded_from");
        }
      }
    }
    List<CaseGraph.Edge> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : edges.entrySet()) {
      String[] f = e.getKey().split("\u0000");
      out.add(new CaseGraph.Edge(f[0], f[1], f[2], e.getValue()[0]));
    }
    return new CaseGraph(List.copyOf(nodes.values()), out);
  }

  private static void edge(Map<String, long[]> edges, String from, String to, String kind) {
    edges.computeIfAbsent(from + '\u0000' + to + '\u0000' + kind, k -> new long[1])[0]++;
  }
}
