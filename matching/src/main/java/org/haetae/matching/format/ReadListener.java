package org.haetae.matching.format;

import org.haetae.matching.bank.BankEntry;

/** Receives what a bank file reader finds, in file order. */
public interface ReadListener {
  /** A good entry starting on {@code line} (1-based). */
  void entry(long line, BankEntry entry);

  /** A line (or record) that was skipped, and why; the reason names no hash content. */
  void rejected(long line, String reason);

  /** A blank line, skipped; it carried nothing, so it is counted rather than rejected. */
  default void blank(long line) {}
}
