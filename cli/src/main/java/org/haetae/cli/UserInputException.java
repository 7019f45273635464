package org.haetae.cli;

/**
 * The user's input is wrong (a missing file, a malformed line, an unknown bank). Reported as one
 * line naming the file and line, without a stack trace, and the command exits with {@link
 * ExitCodes#BAD_INPUT}.
 */
public class UserInputException extends org.haetae.pipeline.InputException {
  private static final long serialVersionUID = 1L;

  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
