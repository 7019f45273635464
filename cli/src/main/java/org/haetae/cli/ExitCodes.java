package org.haetae.cli;

/** Exit codes every command keeps to (see docs/usage.md). */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int INTERNAL_FAILURE = 1;
  public static final int BAD_INPUT = 2;
  public static final int INTEGRITY_FAILURE = 3;

  private ExitCodes() {}
}
