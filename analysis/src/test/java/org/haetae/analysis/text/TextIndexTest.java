package org.haetae.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextIndexTest {
  private static final List<TextDocument> DOCS =
      List.of(
          new TextDocument("-100", 1, "user1", 1_700_000_000L, "지인 사진으로 합성해 주실 분 있나요"),
          new TextDocument("-100", 2, "user2", 1_700_000_060L, "어제 합성한 거 올렸어요"),
          new TextDocument("-100", 3, "user3", 1_700_000_120L, "오늘 날씨가 좋네요"),
          new TextDocument(
              "-200", 1, "user1", 1_700_000_180L, "who can make deepfakes of my classmate"),
          new TextDocument(
              "-200", 2, "user4", 1_700_000_240L, "Police can't catch anyone on Telegram"),
          new TextDocument("-200", 3, "", 1_700_000_300L, ""));

  @Test
  void koreanMorphologyFindsInflectedForms(@TempDir Path dir) throws Exception {
    try (TextIndex index = TextIndex.at(dir)) {
      index.write(DOCS);
      List<TextHit> hits = index.search("합성", 10, Highlight.PLAIN);
      assertThat(hits)
          .extracting(TextHit::chatId, TextHit::messageId)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("-100", 1L),
              org.assertj.core.groups.Tuple.tuple("-100", 2L));
      assertThat(hits).allSatisfy(h -> assertThat(h.snippet()).contains("[합성]"));
    }
  }

  @Test
  void englishStemmingAndHighlighting(@TempDir Path dir) throws Exception {
    try (TextIndex index = TextIndex.at(dir)) {
      index.write(DOCS);
      List<TextHit> hits = index.search("deepfake", 10, Highlight.HTML);
      assertThat(hits)
          .singleElement()
          .satisfies(
              h -> {
                assertThat(h.chatId()).isEqualTo("-200");
                assertThat(h.messageId()).isEqualTo(1);
                assertThat(h.fromId()).isEqualTo("user1");
                assertThat(h.dateUnix()).isEqualTo(1_700_000_180L);
                assertThat(h.snippet()).contains("<mark>deepfakes</mark>");
              });
      assertThat(index.search("police AND telegram", 10, Highlight.PLAIN))
          .extracting(TextHit::messageId)
          .containsExactly(2L);
      assertThat(index.search("날씨", 10, Highlight.PLAIN))
          .extracting(TextHit::messageId)
          .containsExactly(3L);
      assertThat(index.search("없는단어", 10, Highlight.PLAIN)).isEmpty();
    }
  }

  @Test
  void htmlSnippetsEscapeTheMessageAndMarkOnlyTheMatch(@TempDir Path dir) throws Exception {
    try (TextIndex index = TextIndex.at(dir)) {
      index.write(
          List.of(
              new TextDocument(
                  "-300", 1, "user9", 1_700_000_000L, "<script>alert(1)</script> deepfake here")));
      String snippet = index.search("deepfake", 1, Highlight.HTML).get(0).snippet();
      assertThat(snippet).contains("<mark>deepfake</mark>").doesNotContain("<script>");
      assertThat(snippet).contains("&lt;script&gt;");
    }
  }

  @Test
  void reindexingTheSameMessagesAddsNoDuplicates(@TempDir Path dir) throws Exception {
    try (TextIndex index = TextIndex.at(dir)) {
      index.write(DOCS);
      index.write(DOCS);
      assertThat(index.search("합성", 10, Highlight.PLAIN)).hasSize(2);
    }
  }

  @Test
  void badQueriesSayWhy(@TempDir Path dir) throws Exception {
    try (TextIndex index = TextIndex.at(dir)) {
      index.write(DOCS);
      assertThatThrownBy(() -> index.search("\"unclosed", 10, Highlight.PLAIN))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cannot parse query");
      assertThatThrownBy(() -> index.search("  ", 10, Highlight.PLAIN))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anEmptyIndexFindsNothing(@TempDir Path dir) throws Exception {
    try (TextIndex index = TextIndex.at(dir)) {
      assertThat(index.search("anything", 5, Highlight.PLAIN)).isEmpty();
    }
  }
}
