package org.haetae.matching.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.matching.bank.BankEntry;
import org.haetae.matching.bank.BankFormat;
import org.haetae.matching.bank.StoredEntry;
import org.haetae.matching.store.BankStore;
import org.haetae.matching.store.FileBankStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImportExportTest {
  @TempDir Path dir;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);

  BankStore store() {
    return new FileBankStore(dir.resolve("banks"));
  }

  static List<BankEntry> sample() {
    Random rnd = new Random(1);
    List<BankEntry> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Hash256 h = new Hash256(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
      out.add(
          new BankEntry(h, 50 + i, null, null, "id-" + i, Map.of("tags", "t" + i, "x", "a,\"b\"")));
    }
    out.add(new BankEntry(null, -1, "0f".repeat(16), null, "m", Map.of()));
    out.add(new BankEntry(null, -1, null, "e1".repeat(32), "s", Map.of()));
    return out;
  }

  List<StoredEntry> all(BankStore store, String bank) throws IOException {
    List<StoredEntry> out = new ArrayList<>();
    store.forEach(bank, out::add);
    return out;
  }

  @ParameterizedTest
  @EnumSource(BankFormat.class)
  void exportThenImportGivesTheSameHashes(BankFormat format) throws IOException {
    BankStore store = store();
    store.append("src", TestProvenance.prov(), sink -> sample().forEach(sink));
    Path file = dir.resolve("export." + format.id());
    BankExporter.Result written;
    try (Writer out = Files.newBufferedWriter(file)) {
      written = new BankExporter(store).export("src", format, out);
    }
    List<String> rejected = new ArrayList<>();
    BankImporter.Result r =
        new BankImporter(store, CLOCK)
            .importFile("copy", file, null, (line, reason) -> rejected.add(line + reason));
    assertThat(rejected).isEmpty();
    assertThat(r.format()).as("auto-detected").isEqualTo(format);
    List<BankEntry> original = sample();
    List<BankEntry> copied = all(store, "copy").stream().map(StoredEntry::entry).toList();
    if (format == BankFormat.PDQ) {
      assertThat(written.skipped()).isEqualTo(2);
      assertThat(copied)
          .extracting(BankEntry::pdq)
          .containsExactlyElementsOf(original.subList(0, 20).stream().map(BankEntry::pdq).toList());
      assertThat(copied)
          .extracting(BankEntry::quality)
          .containsExactlyElementsOf(
              original.subList(0, 20).stream().map(BankEntry::quality).toList());
    } else {
      assertThat(copied)
          .extracting(BankEntry::key)
          .containsExactlyElementsOf(original.stream().map(BankEntry::key).toList());
      assertThat(copied)
          .extracting(BankEntry::sourceId)
          .containsExactlyElementsOf(original.stream().map(BankEntry::sourceId).toList());
      assertThat(copied.getFirst().labels()).isEqualTo(original.getFirst().labels());
    }
    // Importing the export again adds nothing.
    BankImporter.Result again =
        new BankImporter(store, CLOCK).importFile("copy", file, format, (l, m) -> {});
    assertThat(again.added()).isZero();
    assertThat(again.duplicates()).isEqualTo(r.added());
  }

  @Test
  void importReportsRejectedLinesAndKeepsProvenance() throws IOException {
    Path file = dir.resolve("mixed.txt");
    Files.writeString(
        file, PdqLinesReaderTest.H1 + "\nnot a hash\n\n" + PdqLinesReaderTest.H2 + ",70\n");
    List<String> rejected = new ArrayList<>();
    BankImporter.Result r =
        new BankImporter(store(), CLOCK)
            .importFile(
                "b", file, BankFormat.PDQ, (line, reason) -> rejected.add(line + ": " + reason));
    assertThat(r.added()).isEqualTo(2);
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.blank()).isEqualTo(1);
    assertThat(rejected).singleElement().asString().startsWith("2: bad PDQ hash");
    StoredEntry first = all(store(), "b").getFirst();
    assertThat(first.provenance().sourceFile()).isEqualTo("mixed.txt");
    assertThat(first.provenance().importedAt()).isEqualTo(CLOCK.instant());
    assertThat(first.provenance().sourceSha256()).hasSize(64);
  }

  @Test
  void csvRowsQuoteWhatNeedsIt() {
    assertThat(BankExporter.row(List.of("a", "b,c", "d\"e", "")))
        .isEqualTo("a,\"b,c\",\"d\"\"e\",\n");
  }
}
