package org.haetae.server.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How pages write times and digests. Times are UTC, as in the report and the custody log, so what
 * an investigator reads on screen is what a court reads on paper.
 */
@Component("fmt")
public class Formats {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  public String time(Instant t) {
    return t == null ? "—" : DATE_TIME.format(t) + " UTC";
  }

  public String unix(long seconds) {
    return seconds <= 0 ? "—" : time(Instant.ofEpochSecond(seconds));
  }

  /** The first 12 hex digits: enough to tell files apart on a page, the full value on hover. */
  public String shortHash(String hex) {
    return hex == null ? "—" : hex.length() <= 12 ? hex : hex.substring(0, 12) + "…";
  }

  public String score(double s) {
    return String.format(Locale.ROOT, "%.1f", s);
  }

  /** A model's score or a face similarity: two places, as much as such a number can carry. */
  public String signal(Double s) {
    return s == null ? "—" : String.format(Locale.ROOT, "%.2f", s);
  }

  public String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
