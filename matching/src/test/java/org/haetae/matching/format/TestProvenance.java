package org.haetae.matching.format;

import java.time.Instant;
import org.haetae.matching.bank.BankFormat;
import org.haetae.matching.bank.Provenance;

final class TestProvenance {
  private TestProvenance() {}

  static Provenance prov() {
    return new Provenance("seed.csv", "11".repeat(32), BankFormat.PDQ, "tester", Instant.EPOCH);
  }
}
