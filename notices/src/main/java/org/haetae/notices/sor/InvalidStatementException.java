package org.haetae.notices.sor;

import java.util.List;

/**
 * A statement of reasons that is not valid: every problem names the JSON field ({@code
 * "decision_ground: required"}).
 */
public final class InvalidStatementException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidStatementException(List<String> problems) {
    super("invalid statement of reasons: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One message per problem, each starting with the field name. */
  public List<String> problems() {
    return problems;
  }
}
