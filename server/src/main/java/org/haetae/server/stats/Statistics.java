package org.haetae.server.stats;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haetae.server.storage.Tallies;
import org.haetae.server.storage.Tallies.Count;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The support centre's figures: reports per week and per platform, how fast platforms remove
 * content after a notice, matches per bank, and a surge alert. The 2024 crisis went from about ten
 * reports a week to nearly ninety in four days: the alert compares the last seven days with the
 * weeks before.
 */
@Service
public class Statistics {
  /** Weeks shown, and weeks of history the surge baseline averages. */
  static final int WEEKS = 12;

  static final int BASELINE_WEEKS = 4;

  private final Tallies store;
  private final double surgeFactor;
  private final int surgeMinimum;

  public Statistics(
      Tallies store,
      @Value("${haetae.stats.surge-factor:3.0}") double surgeFactor,
      @Value("${haetae.stats.surge-minimum:5}") int surgeMinimum) {
    this.store = store;
    this.surgeFactor = surgeFactor;
    this.surgeMinimum = surgeMinimum;
  }

  /**
   * How fast removals came.
   *
   * @param sent notices sent
   * @param removed of those, removed
   * @param medianHours median hours from sending to removal (NaN when none was removed)
   * @param p90Hours 90th percentile
   * @param within48h share of the notices whose 48 hours have run out (or that were removed) that
   *     were removed within 48 hours
   */
  public record Takedowns(
      long sent, long removed, double medianHours, double p90Hours, double within48h) {}

  /**
   * @param last7Days reports filed in the last seven days
   * @param baseline mean reports per week over the four weeks before
   * @param factor the configured factor
   * @param surging true when the last seven days exceed factor × baseline (and a small minimum)
   */
  public record Surge(long last7Days, double baseline, double factor, boolean surging) {}

  public record Figures(
      List<Count> perWeek,
      List<Count> perPlatform,
      Takedowns takedowns,
      List<Count> matchesPerBank,
      Surge surge) {}

  public Figures figures(Instant now) {
    return new Figures(perWeek(now), perPlatform(), takedowns(now), matchesPerBank(), surge(now));
  }

  /** Reports per ISO week (Monday, UTC), the last twelve weeks, empty weeks included. */
  List<Count> perWeek(Instant now) {
    LocalDate thisWeek =
        LocalDate.ofInstant(now, ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate first = thisWeek.minusWeeks(WEEKS - 1);
    Map<LocalDate, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < WEEKS; i++) {
      counts.put(first.plusWeeks(i), 0L);
    }
    store
        .reportsPerWeek(first.atStartOfDay(ZoneOffset.UTC).toInstant())
        .forEach((week, n) -> counts.computeIfPresent(week, (k, v) -> n));
    List<Count> out = new ArrayList<>();
    counts.forEach((k, v) -> out.add(new Count(k.toString(), v)));
    return out;
  }

  List<Count> perPlatform() {
    return store.reportsPerPlatform();
  }

  Takedowns takedowns(Instant now) {
    long sent = store.noticesSent();
    double[] hours = store.hoursToRemoval();
    Arrays.sort(hours);
    long decided = store.noticesRemovedOrSentBefore(now.minusSeconds(48 * 3600));
    long fast = Arrays.stream(hours).filter(h -> h <= 48).count();
    return new Takedowns(
        sent,
        hours.length,
        quantile(hours, 0.5),
        quantile(hours, 0.9),
        decided == 0 ? Double.NaN : fast / (double) decided);
  }

  /** Matches per bank in scanned cases, and registered victims' hashes seen again by source. */
  List<Count> matchesPerBank() {
    List<Count> out = new ArrayList<>(store.matchesPerBank());
    out.addAll(store.portalMatches());
    return out;
  }

  public Surge surge(Instant now) {
    long last = store.reportsSince(now.minusSeconds(7 * 86400));
    long before =
        store.reportsBetween(
            now.minusSeconds((7 + 7L * BASELINE_WEEKS) * 86400), now.minusSeconds(7 * 86400));
    double baseline = before / (double) BASELINE_WEEKS;
    boolean surging = last >= surgeMinimum && last > surgeFactor * Math.max(baseline, 1.0);
    return new Surge(last, baseline, surgeFactor, surging);
  }

  /** Nearest-rank quantile of sorted values; NaN for none. */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int k = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
  }

  /** The figures as CSV, one section per table. */
  public String csv(Figures f) {
    StringBuilder b = new StringBuilder("table,label,value\n");
    f.perWeek().forEach(c -> row(b, "reports_per_week", c.label(), Long.toString(c.count())));
    f.perPlatform()
        .forEach(c -> row(b, "reports_per_platform", c.label(), Long.toString(c.count())));
    f.matchesPerBank()
        .forEach(c -> row(b, "matches_per_bank", c.label(), Long.toString(c.count())));
    Takedowns t = f.takedowns();
    row(b, "takedowns", "sent", Long.toString(t.sent()));
    row(b, "takedowns", "removed", Long.toString(t.removed()));
    row(b, "takedowns", "median_hours", number(t.medianHours()));
    row(b, "takedowns", "p90_hours", number(t.p90Hours()));
    row(b, "takedowns", "share_within_48h", number(t.within48h()));
    row(b, "surge", "last_7_days", Long.toString(f.surge().last7Days()));
    row(b, "surge", "baseline_per_week", number(f.surge().baseline()));
    row(b, "surge", "factor", number(f.surge().factor()));
    row(b, "surge", "surging", Boolean.toString(f.surge().surging()));
    return b.toString();
  }

  private static void row(StringBuilder b, String table, String label, String value) {
    b.append(table).append(',').append(csvCell(label)).append(',').append(value).append('\n');
  }

  /** Quotes a cell; a leading =, +, - or @ is neutralised so no spreadsheet runs it. */
  static String csvCell(String s) {
    String v = s == null ? "" : s;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }

  private static String number(double d) {
    return Double.isNaN(d) ? "" : String.format(java.util.Locale.ROOT, "%.3f", d);
  }
}
