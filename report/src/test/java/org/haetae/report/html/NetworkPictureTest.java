package org.haetae.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.haetae.analysis.graph.CaseGraph;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.report.CaseFixture;
import org.junit.jupiter.api.Test;

class NetworkPictureTest {
  @Test
  void layoutIsDeterministicAndInsideThePicture() {
    CaseGraph g = CaseFixture.analysis().graph();
    NetworkPicture.Layout a = NetworkPicture.layout(g, 150, 300);
    NetworkPicture.Layout b = NetworkPicture.layout(g, 150, 300);
    assertThat(a).isEqualTo(b);
    assertThat(a.nodes()).hasSize(g.nodes().size());
    Set<String> spots = new HashSet<>();
    for (NetworkPicture.Placed p : a.nodes()) {
      assertThat(p.x()).isBetween(0.0, (double) NetworkPicture.WIDTH);
      assertThat(p.y()).isBetween(0.0, (double) NetworkPicture.HEIGHT);
      spots.add(Math.round(p.x()) + "," + Math.round(p.y()));
    }
    assertThat(spots).as("nodes are spread out, not piled up").hasSize(a.nodes().size());
    assertThat(NetworkPicture.svg(a)).isEqualTo(NetworkPicture.svg(b));
  }

  @Test
  void tiedNodesEndUpCloserThanUntiedOnes() {
    NetworkPicture.Layout l = NetworkPicture.layout(CaseFixture.analysis().graph(), 150, 300);
    NetworkPicture.Placed admin = find(l, "user100");
    NetworkPicture.Placed room = find(l, "chat1001");
    NetworkPicture.Placed member = find(l, "user400");
    assertThat(dist(admin, room)).isLessThan(dist(member, room));
  }

  @Test
  void bigGraphsKeepMatchedRoomsAndTopAccounts() {
    CaseAnalysis big = CaseFixture.big(5000);
    long start = System.nanoTime();
    NetworkPicture.Layout l = NetworkPicture.layout(big.graph(), 120, 300);
    assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    assertThat(l.nodes()).hasSize(120);
    assertThat(l.totalNodes()).isEqualTo(big.graph().nodes().size());
    assertThat(l.nodes())
        .extracting(p -> p.node().id())
        .contains("chat1001", "chat1002", "user10000");
    assertThat(l.nodes()).extracting(p -> p.node().id()).doesNotContain("user14999");
    for (CaseGraph.Edge e : l.edges()) {
      assertThat(l.nodes()).extracting(p -> p.node().id()).contains(e.source(), e.target());
    }
  }

  @Test
  void emptyGraphDrawsNothing() {
    assertThat(NetworkPicture.layout(null, 10, 10).nodes()).isEmpty();
    assertThat(
            NetworkPicture.layout(new CaseGraph(java.util.List.of(), java.util.List.of()), 10, 10)
                .nodes())
        .isEmpty();
  }

  private static NetworkPicture.Placed find(NetworkPicture.Layout l, String id) {
    return l.nodes().stream().filter(p -> p.node().id().equals(id)).findFirst().orElseThrow();
  }

  private static double dist(NetworkPicture.Placed a, NetworkPicture.Placed b) {
    return Math.hypot(a.x() - b.x(), a.y() - b.y());
  }
}
