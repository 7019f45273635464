package org.haetae.analysis.graph;

import java.util.List;

/**
 * Accounts, rooms and media, and how they are tied: who is in which room, who posted or forwarded
 * which media, who administers which room.
 */
public record CaseGraph(List<Node> nodes, List<Edge> edges) {
  public CaseGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /**
   * @param kind {@code account}, {@code chat} or {@code media}
   * @param score for accounts, the severity score; 0 otherwise
   * @param matched for media, true when it matched a bank; for rooms, true when they carry matched
   *     media; for accounts, true when they hold a role other than member
   */
  public record Node(String id, String kind, String label, double score, boolean matched) {}

  /**
   * @param kind {@code member}, {@code admin}, {@code posted}, {@code forwarded} (account to
   *     media), {@code carried} (room to media), {@code forwarded_from} (account to account)
   * @param weight how many messages support it
   */
  public record Edge(String source, String target, String kind, long weight) {}
}
