package org.haetae.pipeline.texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.text.Highlight;
import org.haetae.analysis.text.TextDocument;
import org.haetae.analysis.text.TextIndex;
import org.haetae.pipeline.InputException;
import org.haetae.pipeline.scan.CaseSearch;
import org.haetae.pipeline.scan.Scan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseTextsTest {
  private static final long T = 1_700_000_000L;

  /**
   * Two exports: a:0 and b:0 are room chat100 (b:0 holds messages 2 and 3 again), a:1 is chat200.
   */
  private static final List<TextDocument> DOCS =
      List.of(
          new TextDocument("a:0", 1, "user1", T, "지인 사진으로 합성해 주실 분 있나요"),
          new TextDocument("a:0", 2, "user2", T + 60, "어제 합성한 거 올렸어요"),
          new TextDocument("a:0", 3, "user1", T + 120, "who can make deepfakes of my classmate"),
          new TextDocument("b:0", 2, "user2", T + 60, "어제 합성한 거 올렸어요"),
          new TextDocument("b:0", 3, "user1", T + 120, "who can make deepfakes of my classmate"),
          new TextDocument("b:0", 4, "user1", T + 180, "합성 deepfake 둘 다 있어요"),
          new TextDocument("a:1", 1, "user1", T - 60, "police can't catch anyone on Telegram"),
          new TextDocument("a:1", 2, "user3", T + 240, "오늘 날씨가 좋네요"));

  static Path scanned(Path caseDir, List<TextDocument> docs) throws IOException {
    Path dir = caseDir.resolve(Scan.TEXT_INDEX);
    Files.createDirectories(dir);
    try (TextIndex index = TextIndex.at(dir);
        TextIndex.Writer w = index.rebuild()) {
      for (TextDocument d : docs) {
        w.add(d);
      }
    }
    Files.writeString(
        caseDir.resolve(Scan.ROOMS),
        "{\"a:0\": \"chat100\", \"b:0\": \"chat100\", \"a:1\": \"chat200\"}");
    return caseDir;
  }

  private static List<String> refs(CaseTexts.Page<CaseTexts.Message> page) {
    return page.items().stream().map(CaseTexts.Message::ref).toList();
  }

  @Test
  void anAccountsMessagesOldestFirstEachOnce(@TempDir Path dir) throws Exception {
    try (CaseTexts texts = CaseTexts.open(scanned(dir, DOCS))) {
      CaseTexts.Page<CaseTexts.Message> all = texts.byAccount("user1", 0, 10);
      assertThat(all.total()).isEqualTo(4);
      assertThat(refs(all)).containsExactly("chat200#1", "chat100#1", "chat100#3", "chat100#4");
      assertThat(all.items().get(1))
          .isEqualTo(new CaseTexts.Message("chat100", 1, "user1", T, "지인 사진으로 합성해 주실 분 있나요"));
      CaseTexts.Page<CaseTexts.Message> page = texts.byAccount("user1", 2, 1);
      assertThat(page.total()).isEqualTo(4);
      assertThat(refs(page)).containsExactly("chat100#3");
      assertThat(texts.byAccount("user1", 4, 5).items()).isEmpty();
      assertThat(texts.byAccount("user9", 0, 5).total()).isZero();
    }
  }

  @Test
  void aRoomsMessagesFromEveryExportOldestFirstEachOnce(@TempDir Path dir) throws Exception {
    try (CaseTexts texts = CaseTexts.open(scanned(dir, DOCS))) {
      CaseTexts.Page<CaseTexts.Message> room = texts.inRoom("chat100", 0, 10);
      assertThat(room.total()).isEqualTo(4);
      assertThat(refs(room)).containsExactly("chat100#1", "chat100#2", "chat100#3", "chat100#4");
      assertThat(room.items())
          .extracting(CaseTexts.Message::fromId)
          .containsExactly("user1", "user2", "user1", "user1");
      CaseTexts.Page<CaseTexts.Message> page = texts.inRoom("chat100", 1, 2);
      assertThat(page.total()).isEqualTo(4);
      assertThat(refs(page)).containsExactly("chat100#2", "chat100#3");
      assertThat(refs(texts.inRoom("chat200", 0, 10))).containsExactly("chat200#1", "chat200#2");
      assertThat(texts.inRoom("chat999", 0, 10).total()).isZero();
      assertThatThrownBy(() -> texts.inRoom("chat100", -1, 10)).isInstanceOf(InputException.class);
      assertThatThrownBy(() -> texts.inRoom("chat100", 0, 0)).isInstanceOf(InputException.class);
    }
  }

  @Test
  void findsReferencedMessagesByLabel(@TempDir Path dir) throws Exception {
    try (CaseTexts texts = CaseTexts.open(scanned(dir, DOCS))) {
      Map<String, CaseTexts.Message> found =
          texts.find(
              List.of(
                  new MessageRef("chat100", 4L, T + 180, "b"),
                  new MessageRef("chat100", 2L, T + 60, "a"),
                  new MessageRef("chat200", 2L, T + 240, "a"),
                  new MessageRef("chat100", 77L, T, "a"), // a picture alone: no text
                  new MessageRef("chat100", null, T, "a"),
                  new MessageRef("chat404", 1L, T, "a")));
      assertThat(found).containsOnlyKeys("chat100#4", "chat100#2", "chat200#2");
      assertThat(found.get("chat100#4").text()).isEqualTo("합성 deepfake 둘 다 있어요");
      assertThat(found.get("chat200#2").fromId()).isEqualTo("user3");
      assertThat(texts.find(List.of())).isEmpty();
    }
  }

  @Test
  void searchPagesKoreanAndEnglishCountingEachMessageOnce(@TempDir Path dir) throws Exception {
    try (CaseTexts texts = CaseTexts.open(scanned(dir, DOCS))) {
      CaseTexts.Page<CaseSearch.Hit> korean = texts.search("합성", 0, 10, Highlight.PLAIN);
      assertThat(korean.total()).isEqualTo(3);
      assertThat(korean.items())
          .extracting(CaseSearch.Hit::ref)
          .containsExactlyInAnyOrder("chat100#1", "chat100#2", "chat100#4");
      assertThat(korean.items()).allSatisfy(h -> assertThat(h.snippet()).contains("[합성]"));

      CaseTexts.Page<CaseSearch.Hit> english = texts.search("deepfake", 0, 1, Highlight.HTML);
      assertThat(english.total()).isEqualTo(2);
      assertThat(english.items()).hasSize(1);
      CaseTexts.Page<CaseSearch.Hit> next = texts.search("deepfake", 1, 1, Highlight.HTML);
      assertThat(next.total()).isEqualTo(2);
      assertThat(List.of(english.items().get(0).ref(), next.items().get(0).ref()))
          .containsExactlyInAnyOrder("chat100#3", "chat100#4");
      assertThat(next.items().get(0).snippet()).contains("<mark>deepfake");
      assertThat(texts.search("deepfake", 2, 1, Highlight.HTML).items()).isEmpty();

      assertThat(texts.search("telegram", 0, 5, Highlight.PLAIN).items())
          .singleElement()
          .satisfies(
              h -> {
                assertThat(h.ref()).isEqualTo("chat200#1");
                assertThat(h.fromId()).isEqualTo("user1");
                assertThat(h.dateUnix()).isEqualTo(T - 60);
              });
      assertThatThrownBy(() -> texts.search("\"unclosed", 0, 5, Highlight.PLAIN))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("cannot parse query");
    }
  }

  @Test
  void caseSearchIsOneSearchOnAFreshlyOpenedIndex(@TempDir Path dir) throws Exception {
    scanned(dir, DOCS);
    assertThat(CaseSearch.search(dir, "합성", 2, Highlight.PLAIN)).hasSize(2);
    assertThat(CaseSearch.search(dir, "합성", 10, Highlight.PLAIN))
        .extracting(CaseSearch.Hit::ref)
        .containsExactlyInAnyOrder("chat100#1", "chat100#2", "chat100#4");
    assertThatThrownBy(() -> CaseSearch.search(dir, "합성", 0, Highlight.PLAIN))
        .isInstanceOf(InputException.class)
        .hasMessage("the limit must be at least 1");
  }

  @Test
  void aCaseWithoutAnIndexIsBadInput(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> CaseTexts.open(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no text index here");
    Files.createDirectories(dir.resolve(Scan.TEXT_INDEX));
    assertThatThrownBy(() -> CaseTexts.open(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no text index here");
    assertThatThrownBy(() -> CaseSearch.search(dir, "x", 5, Highlight.PLAIN))
        .isInstanceOf(InputException.class);
  }

  @Test
  void knowsWhenANewScanReplacedTheIndexOrTheRooms(@TempDir Path dir) throws Exception {
    scanned(dir, DOCS);
    try (CaseTexts texts = CaseTexts.open(dir)) {
      assertThat(texts.isCurrent()).isTrue();
      scanned(dir, DOCS.subList(0, 2));
      assertThat(texts.isCurrent()).isFalse();
      assertThat(texts.inRoom("chat100", 0, 10).total()).isEqualTo(4);
    }
    try (CaseTexts texts = CaseTexts.open(dir)) {
      assertThat(texts.inRoom("chat100", 0, 10).total()).isEqualTo(2);
      Path rooms = dir.resolve(Scan.ROOMS);
      Path next = dir.resolve("rooms.next");
      Files.writeString(next, "{\"a:0\": \"chat101\"}");
      Files.move(next, rooms, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      assertThat(texts.isCurrent()).isFalse();
    }
  }

  @Test
  void manyThreadsReadOneOpenCase(@TempDir Path dir) throws Exception {
    List<TextDocument> docs = new ArrayList<>(DOCS);
    for (int i = 0; i < 300; i++) {
      docs.add(
          new TextDocument(
              "a:1", 100 + i, "user" + (i % 7), T + 1000 + i, "메시지 " + i + " message number"));
    }
    try (CaseTexts texts = CaseTexts.open(scanned(dir, docs))) {
      Callable<String> work =
          () ->
              texts.byAccount("user1", 3, 20).items()
                  + "|"
                  + texts.inRoom("chat200", 100, 50).items()
                  + "|"
                  + texts.search("message", 10, 20, Highlight.PLAIN).items()
                  + "|"
                  + texts.search("합성", 0, 5, Highlight.PLAIN).items()
                  + "|"
                  + texts.find(List.of(new MessageRef("chat100", 4L, 0, "b"))).keySet();
      String expected = work.call();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
          results.add(pool.submit(work));
        }
        for (Future<String> f : results) {
          assertThat(f.get()).isEqualTo(expected);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(texts.inRoom("chat200", 0, 1).total()).isEqualTo(302);
    }
  }
}
