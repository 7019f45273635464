package org.haetae.evidence.custody;

/** The custody log is not intact at {@link #seq()}: a broken chain, hash or signature. */
public final class CustodyException extends Exception {
  private static final long serialVersionUID = 1L;
  private final long seq;
  private final long byteOffset;

  public CustodyException(long seq, long byteOffset, String message) {
    super("custody log entry " + seq + " (byte " + byteOffset + "): " + message);
    this.seq = seq;
    this.byteOffset = byteOffset;
  }

  public long seq() {
    return seq;
  }

  public long byteOffset() {
    return byteOffset;
  }
}
