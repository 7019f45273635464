package org.haetae.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.haetae.demo.investigation.Investigation;
import org.haetae.matching.format.BankImporter;
import org.haetae.matching.store.BankStore;

/** The victim bank of a synthetic investigation, imported like any HMA CSV bank. */
public final class DemoBank {
  private DemoBank() {}

  /** Imports the bank of an investigation written to {@code material} (idempotent). */
  public static BankImporter.Result importFrom(
      Path material, BankStore store, String bank, BankImporter.RejectionListener rejections)
      throws IOException {
    return new BankImporter(store, Clock.systemUTC())
        .importFile(bank, material.resolve(Investigation.BANK_FILE), null, rejections);
  }
}
