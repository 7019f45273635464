package org.haetae.demo.investigation;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Spreads a room's messages over its lifetime the way chat rooms are busy: quiet at dawn, busiest
 * late in the evening, Korea time. Maps a fraction of the room's total activity to a moment, so
 * evenly spaced fractions give realistic, strictly ordered timestamps without holding them.
 */
final class ActivityClock {
  static final ZoneOffset KST = ZoneOffset.ofHours(9);

  // Relative activity per hour of the day, 00:00 to 23:00 KST.
  private static final double[] HOURLY = {
    5, 3, 1.5, 0.8, 0.5, 0.5, 0.8, 1.5, 2.5, 3, 3, 3.5, 4.5, 4, 4, 4, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5,
    9, 7
  };

  private final long start;
  private final long end;
  private final double[] cumulative;

  ActivityClock(long start, long end) {
    if (end <= start) {
      throw new IllegalArgumentException("a room must end after it starts");
    }
    this.start = start;
    this.end = end;
    int hours = (int) ((end - start + 3599) / 3600);
    cumulative = new double[hours + 1];
    for (int h = 0; h < hours; h++) {
      long from = start + 3600L * h;
      long to = Math.min(end, from + 3600);
      int hourOfDay = LocalDateTime.ofEpochSecond(from, 0, KST).getHour();
      cumulative[h + 1] = cumulative[h] + HOURLY[hourOfDay] * (to - from) / 3600.0;
    }
  }

  static long kst(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).toEpochSecond(KST);
  }

  long start() {
    return start;
  }

  long end() {
    return end;
  }

  /** The moment by which {@code x} (0..1) of the room's activity has happened. */
  long at(double x) {
    double target = Math.max(0, Math.min(1, x)) * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, target);
    int h = i >= 0 ? Math.min(i, cumulative.length - 2) : Math.max(0, -i - 2);
    double span = cumulative[h + 1] - cumulative[h];
    double within = span <= 0 ? 0 : (target - cumulative[h]) / span;
    long from = start + 3600L * h;
    long to = Math.min(end, from + 3600);
    return Math.min(end - 1, from + (long) (within * (to - from)));
  }

  /** The share of the room's activity that has happened by {@code t}. */
  double fraction(long t) {
    if (t <= start) {
      return 0;
    }
    if (t >= end) {
      return 1;
    }
    int h = (int) ((t - start) / 3600);
    long from = start + 3600L * h;
    long to = Math.min(end, from + 3600);
    double c =
        cumulative[h] + (cumulative[h + 1] - cumulative[h]) * (t - from) / (double) (to - from);
    return c / cumulative[cumulative.length - 1];
  }

  /** A busy-hours-weighted moment between {@code from} and {@code to}, by {@code u} (0..1). */
  long between(long from, long to, double u) {
    double a = fraction(Math.max(start, from));
    double b = fraction(Math.min(end, to));
    return Math.max(from, Math.min(to, at(a + (b - a) * u)));
  }
}
