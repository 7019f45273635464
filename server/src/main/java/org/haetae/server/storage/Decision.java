package org.haetae.server.storage;

import java.util.Locale;
import java.util.Optional;

/** A reviewer's decision on a role or a flag the scan proposed. */
public enum Decision {
  CONFIRMED,
  REJECTED;

  /** The word stored and shown: {@code confirmed} or {@code rejected}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The decision a stored word names. */
  public static Decision ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** {@code confirm} or {@code reject}, as a reviewer's request says it; empty for other words. */
  public static Optional<Decision> ofVerb(String verb) {
    return switch (verb) {
      case "confirm" -> Optional.of(CONFIRMED);
      case "reject" -> Optional.of(REJECTED);
      default -> Optional.empty();
    };
  }
}
