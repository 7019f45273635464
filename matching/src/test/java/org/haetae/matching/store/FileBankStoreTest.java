package org.haetae.matching.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.matching.bank.BankEntry;
import org.haetae.matching.bank.BankFormat;
import org.haetae.matching.bank.BankInfo;
import org.haetae.matching.bank.Provenance;
import org.haetae.matching.bank.StoredEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBankStoreTest {
  @TempDir Path dir;

  static final Provenance PROV =
      new Provenance(
          "bank.csv",
          "00".repeat(32),
          BankFormat.PDQ,
          "tester",
          Instant.parse("2026-01-02T03:04:05Z"));

  static BankEntry entry(int i) {
    Hash256 h = new Hash256(i, i * 31L, ~i, i ^ 0x5555L);
    return new BankEntry(h, 90, null, null, "src-" + i, Map.of("case", "C" + i));
  }

  static BankStore.EntryProducer entries(int from, int to) {
    return sink -> {
      for (int i = from; i < to; i++) {
        sink.accept(entry(i));
      }
    };
  }

  List<StoredEntry> all(BankStore store, String bank) throws IOException {
    List<StoredEntry> out = new ArrayList<>();
    store.forEach(bank, out::add);
    return out;
  }

  @Test
  void appendsKeepsEntriesAndProvenance() throws IOException {
    FileBankStore store = new FileBankStore(dir);
    BankStore.AppendResult r = store.append("victims", PROV, entries(0, 100));
    assertThat(r).isEqualTo(new BankStore.AppendResult(100, 0, 1));
    List<StoredEntry> got = all(store, "victims");
    assertThat(got).hasSize(100);
    assertThat(got.get(5).id()).isEqualTo(6);
    assertThat(got.get(5).entry()).isEqualTo(entry(5));
    assertThat(got.get(5).provenance()).isEqualTo(PROV);
    BankInfo info = store.find("victims").orElseThrow();
    assertThat(info.entries()).isEqualTo(100);
    assertThat(info.enabled()).isTrue();
    assertThat(info.imports()).isEqualTo(1);
  }

  @Test
  void reimportAddsNoDuplicatesAndIdsRunOn() throws IOException {
    FileBankStore store = new FileBankStore(dir);
    store.append("b", PROV, entries(0, 50));
    assertThat(store.append("b", PROV, entries(0, 50)))
        .isEqualTo(new BankStore.AppendResult(0, 50, 51));
    assertThat(store.append("b", PROV, entries(40, 60)))
        .isEqualTo(new BankStore.AppendResult(10, 10, 51));
    List<StoredEntry> got = all(store, "b");
    assertThat(got).hasSize(60);
    assertThat(got.getLast().id()).isEqualTo(60);
    assertThat(store.find("b").orElseThrow().imports()).isEqualTo(2);
  }

  @Test
  void duplicatesWithinOneFileAreCountedOnce() throws IOException {
    FileBankStore store = new FileBankStore(dir);
    BankStore.AppendResult r =
        store.append(
            "b",
            PROV,
            sink -> {
              sink.accept(entry(1));
              sink.accept(entry(1));
              sink.accept(entry(2));
            });
    assertThat(r.added()).isEqualTo(2);
    assertThat(r.duplicates()).isEqualTo(1);
  }

  @Test
  void crashMidImportLeavesTheBankAsItWas() throws IOException {
    FileBankStore store = new FileBankStore(dir);
    store.append("b", PROV, entries(0, 10));
    assertThatThrownBy(
            () ->
                store.append(
                    "b",
                    PROV,
                    sink -> {
                      for (int i = 10; i < 20; i++) {
                        sink.accept(entry(i));
                      }
                      throw new IOException("disk pulled");
                    }))
        .hasMessage("disk pulled");
    assertThat(all(store, "b")).hasSize(10);
    assertThat(store.find("b").orElseThrow().entries()).isEqualTo(10);
    // The same import, run again, is complete.
    assertThat(store.append("b", PROV, entries(10, 20)).added()).isEqualTo(10);
    assertThat(all(store, "b")).hasSize(20);
  }

  @Test
  void crashWhileCreatingANewBankLeavesNoBank() throws IOException {
    FileBankStore store = new FileBankStore(dir);
    assertThatThrownBy(
            () ->
                store.append(
                    "fresh",
                    PROV,
                    sink -> {
                      sink.accept(entry(1));
                      throw new IllegalStateException("killed");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.find("fresh")).isEmpty();
    assertThat(store.list()).isEmpty();
  }

  @Test
  void litterOfAKilledProcessIsIgnoredAndSwept() throws IOException {
    FileBankStore store = new FileBankStore(dir);
    store.append("b", PROV, entries(0, 5));
    // What kill -9 during an import leaves: a half-written segment and a half-built bank folder.
    Path halfSegment = dir.resolve("b").resolve(".tmp-1234.seg");
    Files.write(halfSegment, new byte[] {1, 2, 3});
    Path halfBank = dir.resolve(".tmp-other-99");
    Files.createDirectories(halfBank);
    assertThat(all(store, "b")).hasSize(5);
    assertThat(store.list()).extracting(BankInfo::name).containsExactly("b");
    store.append("b", PROV, entries(5, 6));
    assertThat(halfSegment).doesNotExist();
    assertThat(halfBank).doesNotExist();
    assertThat(all(store, "b")).hasSize(6);
  }

  @Test
  void damagedSegmentIsReportedNotMisread() throws IOException {
    FileBankStore store = new FileBankStore(dir);
    store.append("b", PROV, entries(0, 20));
    Path segment;
    try (Stream<Path> s = Files.list(dir.resolve("b"))) {
      segment = s.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
    }
    try (RandomAccessFile raf = new RandomAccessFile(segment.toFile(), "rw")) {
      raf.seek(200);
      int b = raf.read();
      raf.seek(200);
      raf.write(b ^ 0x10);
    }
    assertThatThrownBy(() -> all(store, "b")).isInstanceOf(CorruptBankException.class);

    try (RandomAccessFile raf = new RandomAccessFile(segment.toFile(), "rw")) {
      raf.setLength(100);
    }
    assertThatThrownBy(() -> all(store, "b"))
        .isInstanceOf(CorruptBankException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void enableDisableAndRemove() throws IOException {
    FileBankStore store = new FileBankStore(dir);
    store.append("a", PROV, entries(0, 3));
    store.append("b", PROV, entries(0, 3));
    store.setEnabled("a", false);
    assertThat(store.find("a").orElseThrow().enabled()).isFalse();
    assertThat(store.find("a").orElseThrow().created()).isEqualTo(PROV.importedAt());
    store.setEnabled("a", true);
    assertThat(store.find("a").orElseThrow().enabled()).isTrue();
    assertThat(store.remove("a")).isTrue();
    assertThat(store.remove("a")).isFalse();
    assertThat(store.list()).extracting(BankInfo::name).containsExactly("b");
    assertThatThrownBy(() -> store.setEnabled("a", true)).isInstanceOf(NoSuchBankException.class);
    assertThatThrownBy(() -> all(store, "a")).isInstanceOf(NoSuchBankException.class);
  }

  @Test
  void bankNamesCannotEscapeTheFolder() {
    FileBankStore store = new FileBankStore(dir);
    for (String bad : List.of("../x", "a/b", "", ".hidden", "x".repeat(65))) {
      assertThatThrownBy(() -> store.append(bad, PROV, entries(0, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bad bank name");
    }
  }

  @Test
  void entriesWithOnlyDigestsRoundTrip() throws IOException {
    FileBankStore store = new FileBankStore(dir);
    BankEntry md5 = new BankEntry(null, -1, "AB".repeat(16), null, "", Map.of());
    BankEntry sha = new BankEntry(null, -1, null, "cd".repeat(32), "x", Map.of("k", "v"));
    store.append(
        "d",
        PROV,
        sink -> {
          sink.accept(md5);
          sink.accept(sha);
        });
    assertThat(all(store, "d")).extracting(StoredEntry::entry).containsExactly(md5, sha);
    assertThat(md5.md5()).isEqualTo("ab".repeat(16));
  }
}
