package org.haetae.pipeline;

/**
 * The input is wrong (a missing file, an export that changed, an unknown bank): a fact to report in
 * one line naming the file, not a failure of the program. Front ends map it to their own form (the
 * command line exits 2; the server answers 400).
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
