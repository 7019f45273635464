package org.haetae.analysis.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphFilesTest {
  @Test
  void graphMlReadsBackWhatWasWritten() throws IOException {
    CaseGraph g =
        new CaseGraph(
            List.of(
                new CaseGraph.Node("user1", "account", "김민수 <admin>", 12.345, true),
                new CaseGraph.Node("chat7", "chat", "room \u0001 7", 0, false),
                new CaseGraph.Node("media:ab", "media", "ab", 0, true)),
            List.of(
                new CaseGraph.Edge("user1", "chat7", "admin", 3),
                new CaseGraph.Edge("user1", "media:ab", "posted", 1)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GraphFiles.writeGraphMl(g, out);

    CaseGraph back = GraphFiles.readGraphMl(new ByteArrayInputStream(out.toByteArray()));

    assertThat(back.edges()).isEqualTo(g.edges());
    assertThat(back.nodes()).hasSize(3);
    assertThat(back.nodes().get(0).label()).isEqualTo("김민수 <admin>");
    assertThat(back.nodes().get(0).score()).isCloseTo(12.35, within(0.001));
    assertThat(back.nodes().get(1).label()).isEqualTo("room \uFFFD 7");
    assertThat(back.nodes())
        .extracting(CaseGraph.Node::kind)
        .containsExactly("account", "chat", "media");
    assertThat(back.nodes()).extracting(CaseGraph.Node::matched).containsExactly(true, false, true);
  }

  @Test
  void entitiesAreRefused() {
    String evil =
        "<?xml version=\"1.0\"?><!DOCTYPE g [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<graphml><graph><node id=\"a\"><data key=\"label\">&x;</data></node></graph>"
            + "</graphml>";
    assertThatThrownBy(
            () ->
                GraphFiles.readGraphMl(
                    new ByteArrayInputStream(evil.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class);
  }
}
