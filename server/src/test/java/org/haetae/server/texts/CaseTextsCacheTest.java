package org.haetae.server.texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.AlreadyClosedException;
import org.haetae.analysis.text.TextDocument;
import org.haetae.analysis.text.TextIndex;
import org.haetae.pipeline.InputException;
import org.haetae.pipeline.scan.Scan;
import org.haetae.pipeline.texts.CaseTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseTextsCacheTest {
  /** A case folder as a scan leaves it, with {@code n} messages in room chat1. */
  private static Path scanned(Path caseDir, int n) throws IOException {
    Path dir = caseDir.resolve(Scan.TEXT_INDEX);
    Files.createDirectories(dir);
    try (TextIndex index = TextIndex.at(dir);
        TextIndex.Writer w = index.rebuild()) {
      for (int i = 1; i <= n; i++) {
        w.add(new TextDocument("a:0", i, "user1", 1_700_000_000L + i, "message " + i));
      }
    }
    Files.writeString(caseDir.resolve(Scan.ROOMS), "{\"a:0\": \"chat1\"}");
    return caseDir;
  }

  private static CaseTexts opened(CaseTextsCache cache, Path caseDir) throws IOException {
    return cache.read(caseDir, t -> t);
  }

  private static void await(CountDownLatch latch) throws IOException {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IOException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException();
    }
  }

  private static long count(CaseTexts t) throws IOException {
    return t.inRoom("chat1", 0, 1).total();
  }

  @Test
  void keepsCasesOpenAndClosesTheLeastRecentlyRead(@TempDir Path dir) throws Exception {
    Path a = scanned(dir.resolve("a"), 1);
    Path b = scanned(dir.resolve("b"), 2);
    Path c = scanned(dir.resolve("c"), 3);
    CaseTextsCache cache = new CaseTextsCache(2, Duration.ofMinutes(1));
    try {
      CaseTexts first = opened(cache, a);
      assertThat(opened(cache, a.resolve("."))).isSameAs(first);
      CaseTexts bTexts = opened(cache, b);
      assertThat(count(bTexts)).isEqualTo(2);
      assertThat(cache.read(a, CaseTextsCacheTest::count)).isEqualTo(1); // a is the newer now
      assertThat(cache.read(c, CaseTextsCacheTest::count)).isEqualTo(3);
      assertThat(cache.size()).isEqualTo(2);
      assertThatThrownBy(() -> count(bTexts)).isInstanceOf(AlreadyClosedException.class);
      assertThat(count(first)).isEqualTo(1);
      assertThat(opened(cache, b)).isNotSameAs(bTexts);
    } finally {
      cache.close();
    }
    assertThatThrownBy(() -> opened(cache, a)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void neverClosesACaseWhileAReadIsUsingIt(@TempDir Path dir) throws Exception {
    Path a = scanned(dir.resolve("a"), 4);
    Path b = scanned(dir.resolve("b"), 5);
    CaseTextsCache cache = new CaseTextsCache(1, Duration.ofMinutes(1));
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch evicted = new CountDownLatch(1);
    record Seen(CaseTexts texts, long count) {}
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<Seen> slow =
        pool.submit(
            () ->
                cache.read(
                    a,
                    t -> {
                      reading.countDown();
                      await(evicted);
                      return new Seen(t, count(t)); // still open though evicted meanwhile
                    }));
    try {
      assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(cache.read(b, CaseTextsCacheTest::count)).isEqualTo(5); // evicts a
      assertThat(cache.size()).isEqualTo(1);
      evicted.countDown();
      Seen seen = slow.get(10, TimeUnit.SECONDS);
      assertThat(seen.count()).isEqualTo(4);
      assertThatThrownBy(() -> count(seen.texts())).isInstanceOf(AlreadyClosedException.class);
    } finally {
      evicted.countDown();
      pool.shutdownNow();
      cache.close();
    }
  }

  @Test
  void reopensACaseANewScanRebuilt(@TempDir Path dir) throws Exception {
    Path a = scanned(dir.resolve("a"), 2);
    CaseTextsCache cache = new CaseTextsCache(4, Duration.ZERO);
    try {
      CaseTexts before = opened(cache, a);
      assertThat(cache.read(a, CaseTextsCacheTest::count)).isEqualTo(2);
      assertThat(opened(cache, a)).isSameAs(before);
      scanned(a, 7);
      assertThat(cache.read(a, CaseTextsCacheTest::count)).isEqualTo(7);
      assertThat(cache.size()).isEqualTo(1);
      assertThatThrownBy(() -> count(before)).isInstanceOf(AlreadyClosedException.class);
    } finally {
      cache.close();
    }
  }

  @Test
  void checksForANewScanAtMostSoOften(@TempDir Path dir) throws Exception {
    Path a = scanned(dir.resolve("a"), 2);
    CaseTextsCache cache = new CaseTextsCache(4, Duration.ofHours(1));
    try {
      assertThat(cache.read(a, CaseTextsCacheTest::count)).isEqualTo(2);
      scanned(a, 3);
      assertThat(cache.read(a, CaseTextsCacheTest::count)).isEqualTo(2);
    } finally {
      cache.close();
    }
  }

  @Test
  void aCaseWithoutAnIndexIsBadInputAndNotKept(@TempDir Path dir) throws Exception {
    CaseTextsCache cache = new CaseTextsCache(4, Duration.ZERO);
    try {
      assertThatThrownBy(() -> opened(cache, dir)).isInstanceOf(InputException.class);
      assertThat(cache.size()).isZero();
      scanned(dir, 1);
      List<CaseTexts.Message> said = cache.read(dir, t -> t.byAccount("user1", 0, 5).items());
      assertThat(said).extracting(CaseTexts.Message::ref).containsExactly("chat1#1");
    } finally {
      cache.close();
    }
  }
}
