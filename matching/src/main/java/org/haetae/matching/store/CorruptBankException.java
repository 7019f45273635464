package org.haetae.matching.store;

import java.io.IOException;

/** Stored bank data failed its checksum or does not parse: damage on disk, not bad user input. */
public final class CorruptBankException extends IOException {
  private static final long serialVersionUID = 1L;

  public CorruptBankException(String message) {
    super(message);
  }
}
