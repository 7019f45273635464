package org.haetae.telegram.model;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An account or chat id as the export writes it: {@code user123}, {@code channel123}, {@code
 * chat123}, or, in 2020–21 exports, a bare integer. A bare integer keeps an empty kind, because it
 * cannot be told whether it names a user or a channel; linking it to a prefixed id is a judgement
 * for the analysis, not for the reader.
 *
 * @param kind {@code user}, {@code channel}, {@code chat}, or empty for a bare integer
 * @param id the digits
 */
public record PeerId(String kind, long id) {
  private static final String[] KINDS = {"user", "channel", "chat"};

  /** The id as the export wrote it, e.g. {@code user123} or {@code 123}. */
  @Override
  public String toString() {
    return kind + id;
  }

  /** Parses {@code user123}, {@code channel123}, {@code chat123} or digits; empty otherwise. */
  public static Optional<PeerId> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    // Hand-written rather than a regex: this runs for every message of exports of millions.
    String kind = "";
    for (String k : KINDS) {
      if (s.startsWith(k)) {
        kind = k;
        break;
      }
    }
    String digits = s.substring(kind.length());
    int start = digits.startsWith("-") ? 1 : 0;
    if (digits.length() == start || digits.length() > 20) {
      return Optional.empty();
    }
    for (int i = start; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(new PeerId(kind, Long.parseLong(digits)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** From a JSON value: a string form or a number; empty for anything else. */
  public static Optional<PeerId> of(Object jsonValue) {
    if (jsonValue instanceof Long l) {
      return Optional.of(new PeerId("", l));
    }
    if (jsonValue instanceof BigInteger) {
      return Optional.empty();
    }
    if (jsonValue instanceof String s) {
      return parse(s);
    }
    return Optional.empty();
  }
}
