package org.haetae.matching.bank;

import java.util.Locale;

/** The bank file formats Haetae reads and writes. See docs/matching.md for each layout. */
public enum BankFormat {
  /** One PDQ hash per line, optionally {@code ,quality}; also the output of {@code haetae hash}. */
  PDQ("pdq"),
  /** ThreatExchange indicator CSV ({@code hash,id,timestamp,tags}, or with a header). */
  TE_CSV("te-csv"),
  /** Hasher-Matcher-Actioner bank content CSV ({@code signal_type,signal_value,...}). */
  HMA_CSV("hma-csv"),
  /** Project VIC VICS JSON (OData: {@code value[].Media[]} with MD5/SHA1/PDQ). */
  VICS("vics");

  private final String id;

  BankFormat(String id) {
    this.id = id;
  }

  /** The name used on the command line, e.g. {@code te-csv}. */
  public String id() {
    return id;
  }

  public static BankFormat fromId(String id) {
    for (BankFormat f : values()) {
      if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown bank format '" + id + "' (known: pdq, te-csv, hma-csv, vics)");
  }
}
