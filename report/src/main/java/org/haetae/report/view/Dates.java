package org.haetae.report.view;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How every report file writes a Telegram date: always UTC, so two readers never disagree. */
public final class Dates {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private Dates() {}

  /** ISO-8601 instant, or null when the date is unknown (0). */
  public static String iso(long unix) {
    return unix == 0 ? null : Instant.ofEpochSecond(unix).toString();
  }

  /** ISO-8601 instant, or null. */
  public static String iso(Long unix) {
    return unix == null ? null : iso(unix.longValue());
  }

  /** {@code 2024-03-01 21:05 UTC}, or {@code date unknown}. */
  public static String minute(long unix) {
    return unix == 0 ? "date unknown" : MINUTE.format(Instant.ofEpochSecond(unix));
  }

  /** {@code 2024-03-01}, or an empty string when unknown. */
  public static String day(Long unix) {
    return unix == null || unix == 0 ? "" : DAY.format(Instant.ofEpochSecond(unix));
  }
}
