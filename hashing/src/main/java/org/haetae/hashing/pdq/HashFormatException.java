package org.haetae.hashing.pdq;

/** Text that should have been a hash is not one; the message says why, for the user. */
public final class HashFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public HashFormatException(String message) {
    super(message);
  }
}
