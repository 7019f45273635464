package org.haetae.hashing.image;

/** A file that did not decode; the message is meant for the user and names no pixel data. */
public final class ImageDecodeException extends Exception {
  private static final long serialVersionUID = 1L;
  private final DecodeFailure failure;

  public ImageDecodeException(DecodeFailure failure, String detail) {
    this(failure, detail, null);
  }

  public ImageDecodeException(DecodeFailure failure, String detail, Throwable cause) {
    super(
        detail == null || detail.isBlank() ? failure.summary() : failure.summary() + ": " + detail,
        cause);
    this.failure = failure;
  }

  public DecodeFailure failure() {
    return failure;
  }
}
