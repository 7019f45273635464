package org.haetae.evidence.vault;

import java.io.IOException;

/** A blob that does not decrypt, or decrypts to something other than its address. */
public final class BlobDamagedException extends IOException {
  private static final long serialVersionUID = 1L;

  public BlobDamagedException(String message) {
    super(message);
  }
}
