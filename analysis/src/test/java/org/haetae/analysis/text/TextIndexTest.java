package org.haetae.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
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

  private static List<String> refs(TextIndex.Page<TextMessage> page) {
    return page.items().stream().map(m -> m.chatId() + "#" + m.messageId()).toList();
  }

  @Test
  void listsBySenderAndByChatOldestFirstAPageAtATime(@TempDir Path dir) throws Exception {
    try (TextIndex index = TextIndex.at(dir)) {
      index.write(DOCS);
      index.write(
          List.of(
              new TextDocument("-100", 9, "user1", 1_600_000_000L, "the oldest"),
              new TextDocument("-100", 8, "user1", 1_600_000_000L, "same second, lower id")));
      UnaryOperator<String> own = UnaryOperator.identity();
      TextIndex.Page<TextMessage> all = index.fromSender("user1", 0, 10, own);
      assertThat(all.total()).isEqualTo(4);
      assertThat(refs(all)).containsExactly("-100#8", "-100#9", "-100#1", "-200#1");
      assertThat(all.items().get(2))
          .isEqualTo(new TextMessage("-100", 1, "user1", 1_700_000_000L, "지인 사진으로 합성해 주실 분 있나요"));
      TextIndex.Page<TextMessage> second = index.fromSender("user1", 1, 2, own);
      assertThat(second.total()).isEqualTo(4);
      assertThat(refs(second)).containsExactly("-100#9", "-100#1");
      assertThat(index.fromSender("user1", 10, 2, own).items()).isEmpty();
      assertThat(index.fromSender("user", 0, 2, own).total()).isZero();

      TextIndex.Page<TextMessage> chat = index.inChats(List.of("-200"), 1, 5);
      assertThat(chat.total()).isEqualTo(3);
      assertThat(refs(chat)).containsExactly("-200#2", "-200#3");
      // Chats listed together are one room: ids 1 to 3 of both are the same messages.
      assertThat(index.inChats(List.of("-100", "-200"), 0, 100).total()).isEqualTo(5);
    }
  }

  @Test
  void aMessageThatTwoChatsOfOneRoomHoldCountsOnce(@TempDir Path dir) throws Exception {
    try (TextIndex index = TextIndex.at(dir)) {
      index.write(DOCS);
      // A second export of room -100 holds messages 2 and 3 again, and a message 4.
      index.write(
          List.of(
              new TextDocument("b:-100", 2, "user2", 1_700_000_060L, "어제 합성한 거 올렸어요"),
              new TextDocument("b:-100", 3, "user3", 1_700_000_120L, "오늘 날씨가 좋네요"),
              new TextDocument("b:-100", 4, "user2", 1_700_000_130L, "합성 또 해요")));
      TextIndex.Page<TextMessage> room = index.inChats(List.of("-100", "b:-100"), 0, 10);
      assertThat(room.total()).isEqualTo(4);
      assertThat(room.items()).extracting(TextMessage::messageId).containsExactly(1L, 2L, 3L, 4L);
      TextIndex.Page<TextMessage> page = index.inChats(List.of("-100", "b:-100"), 2, 1);
      assertThat(page.total()).isEqualTo(4);
      assertThat(page.items()).extracting(TextMessage::messageId).containsExactly(3L);

      UnaryOperator<String> rooms = chat -> chat.equals("b:-100") ? "-100" : chat;
      TextIndex.Page<TextMessage> user2 = index.fromSender("user2", 0, 10, rooms);
      assertThat(user2.total()).isEqualTo(2);
      assertThat(user2.items()).extracting(TextMessage::messageId).containsExactly(2L, 4L);
      // Without the rooms, every chat stands alone.
      assertThat(index.fromSender("user2", 0, 10, UnaryOperator.identity()).total()).isEqualTo(3);

      TextIndex.Page<TextHit> hits = index.search("합성", 0, 10, Highlight.PLAIN, rooms);
      assertThat(hits.total()).isEqualTo(3);
      assertThat(hits.items()).extracting(TextHit::messageId).containsExactlyInAnyOrder(1L, 2L, 4L);
      TextIndex.Page<TextHit> tail = index.search("합성", 1, 10, Highlight.PLAIN, rooms);
      assertThat(tail.total()).isEqualTo(3);
      assertThat(tail.items()).hasSize(2);
      assertThat(tail.items()).allSatisfy(h -> assertThat(h.snippet()).contains("[합성]"));
      assertThat(index.search("합성", 0, 10, Highlight.PLAIN, UnaryOperator.identity()).total())
          .isEqualTo(4);
    }
  }

  @Test
  void searchPagesFollowTheBestFirstOrder(@TempDir Path dir) throws Exception {
    try (TextIndex index = TextIndex.at(dir)) {
      index.write(DOCS);
      UnaryOperator<String> own = UnaryOperator.identity();
      List<TextHit> all =
          index.search("합성 OR deepfake OR telegram", 0, 10, Highlight.PLAIN, own).items();
      assertThat(all).hasSize(4);
      TextIndex.Page<TextHit> middle =
          index.search("합성 OR deepfake OR telegram", 1, 2, Highlight.PLAIN, own);
      assertThat(middle.total()).isEqualTo(4);
      assertThat(middle.items())
          .extracting(TextHit::chatId, TextHit::messageId)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(all.get(1).chatId(), all.get(1).messageId()),
              org.assertj.core.groups.Tuple.tuple(all.get(2).chatId(), all.get(2).messageId()));
      assertThat(index.search("합성", 5, 2, Highlight.PLAIN, own).items()).isEmpty();
      assertThatThrownBy(() -> index.search("합성", -1, 2, Highlight.PLAIN, own))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> index.search("합성", 0, 0, Highlight.PLAIN, own))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void findsNamedMessagesAndLeavesOutTheRest(@TempDir Path dir) throws Exception {
    try (TextIndex index = TextIndex.at(dir)) {
      index.write(DOCS);
      List<TextMessage> found =
          index.find(
              Set.of(
                  new TextMessage.Id("-200", 2),
                  new TextMessage.Id("-100", 1),
                  new TextMessage.Id("-100", 42),
                  new TextMessage.Id("-999", 1)));
      assertThat(found)
          .extracting(TextMessage::chatId, TextMessage::messageId, TextMessage::fromId)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("-100", 1L, "user1"),
              org.assertj.core.groups.Tuple.tuple("-200", 2L, "user4"));
      assertThat(index.find(List.of())).isEmpty();
    }
  }

  @Test
  void openReadsOnlyAndTellsWhenAScanRebuiltTheIndex(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> TextIndex.open(dir.resolve("missing")))
        .isInstanceOf(IndexNotFoundException.class);
    assertThatThrownBy(() -> TextIndex.open(dir)).isInstanceOf(IndexNotFoundException.class);
    try (TextIndex writer = TextIndex.at(dir)) {
      writer.write(DOCS);
    }
    try (TextIndex reader = TextIndex.open(dir)) {
      assertThat(reader.isCurrent()).isTrue();
      assertThatThrownBy(() -> reader.write(DOCS)).isInstanceOf(IllegalStateException.class);
      try (TextIndex again = TextIndex.at(dir);
          TextIndex.Writer w = again.rebuild()) {
        w.add(new TextDocument("-300", 1, "user5", 1L, "fresh"));
      }
      assertThat(reader.isCurrent()).isFalse();
      // It keeps answering from what it opened.
      assertThat(reader.inChats(List.of("-100"), 0, 10).total()).isEqualTo(3);
    }
    try (TextIndex reader = TextIndex.open(dir)) {
      assertThat(reader.inChats(List.of("-100"), 0, 10).total()).isZero();
      assertThat(reader.fromSender("user5", 0, 10, UnaryOperator.identity()).total()).isOne();
    }
  }

  @Test
  void anIndexAnOlderVersionWroteIsRefusedUntilRebuilt(@TempDir Path dir) throws Exception {
    // The layout before chat and sender were indexed: stored only.
    try (FSDirectory fs = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(fs, new IndexWriterConfig())) {
      Document d = new Document();
      d.add(new StringField("key", "-100/1", Field.Store.NO));
      d.add(new StoredField("chat", "-100"));
      d.add(new StoredField("msg", 1L));
      d.add(new StoredField("from", "user1"));
      d.add(new StoredField("date", 1L));
      d.add(new LongPoint("date", 1L));
      d.add(new TextField("ko", "합성", Field.Store.YES));
      d.add(new TextField("en", "합성", Field.Store.YES));
      w.addDocument(d);
    }
    assertThatThrownBy(() -> TextIndex.open(dir))
        .isInstanceOf(TextIndex.OutdatedException.class)
        .hasMessageContaining("scan the case again");
    try (TextIndex index = TextIndex.at(dir)) {
      try (TextIndex.Writer w = index.rebuild()) {
        DOCS.forEach(
            doc -> {
              try {
                w.add(doc);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
      }
      assertThat(index.search("합성", 10, Highlight.PLAIN)).hasSize(2);
    }
    try (TextIndex index = TextIndex.open(dir)) {
      assertThat(index.inChats(List.of("-100"), 0, 10).total()).isEqualTo(3);
    }
  }
}
