package org.haetae.matching.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.haetae.hashing.digest.ContentDigests;
import org.haetae.matching.bank.BankFormat;
import org.haetae.matching.bank.Provenance;
import org.haetae.matching.store.BankStore;

/** Reads a bank file and appends its good entries to a bank, in one atomic step. */
public final class BankImporter {
  private final BankStore store;
  private final Clock clock;

  public BankImporter(BankStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Reports rejected lines as they are found (e.g. to print them). */
  @FunctionalInterface
  public interface RejectionListener {
    void rejected(long line, String reason);
  }

  /**
   * @param added entries new to the bank
   * @param duplicates entries the bank (or the file, earlier) already had
   * @param rejected lines skipped as malformed (each reported to the listener)
   * @param blank blank lines skipped
   * @param firstId id of the first added entry
   */
  public record Result(
      BankFormat format, long added, long duplicates, long rejected, long blank, long firstId) {}

  /**
   * Imports {@code file} into {@code bank} (created if new).
   *
   * @param format the format, or null to detect it
   */
  public Result importFile(String bank, Path file, BankFormat format, RejectionListener rejections)
      throws IOException {
    BankFormat f = format != null ? format : FormatDetector.detect(file);
    Provenance provenance =
        new Provenance(
            file.getFileName().toString(),
            ContentDigests.of(file).sha256(),
            f,
            System.getProperty("user.name", "unknown"),
            clock.instant());
    long[] counts = new long[2]; // rejected, blank
    BankFileReader reader = BankFileReader.of(f);
    BankStore.AppendResult r =
        store.append(
            bank,
            provenance,
            sink -> {
              try (InputStream in = Files.newInputStream(file)) {
                reader.read(
                    in,
                    new ReadListener() {
                      @Override
                      public void entry(long line, org.haetae.matching.bank.BankEntry entry) {
                        sink.accept(entry);
                      }

                      @Override
                      public void rejected(long line, String reason) {
                        counts[0]++;
                        rejections.rejected(line, reason);
                      }

                      @Override
                      public void blank(long line) {
                        counts[1]++;
                      }
                    });
              }
            });
    return new Result(f, r.added(), r.duplicates(), counts[0], counts[1], r.firstId());
  }
}
