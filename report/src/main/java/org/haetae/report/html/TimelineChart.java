package org.haetae.report.html;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.haetae.analysis.result.BankMatch;
import org.haetae.analysis.result.SpreadEvent;
import org.haetae.analysis.result.SpreadTrail;
import org.haetae.report.view.CaseIndex;
import org.haetae.report.view.Dates;

/** Inline SVG charts of when matched media were posted, drawn in Java so the file needs nothing. */
final class TimelineChart {
  static final int WIDTH = 960;
  static final int HEIGHT = 280;
  private static final int LEFT = 48;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 36;
  private static final int MAX_BARS = 120;

  /** Rooms drawn in their own colour; the others are summed into one. */
  static final int ROOMS = 8;

  private static final int[] BUCKETS = {1, 7, 30, 91, 365, 3650};

  private TimelineChart() {}

  /** Days per bar so that the whole span fits in {@link #MAX_BARS} bars. */
  static int bucketDays(long spanDays) {
    for (int b : BUCKETS) {
      if ((spanDays + b) / b <= MAX_BARS) {
        return b;
      }
    }
    return (int) Math.max(1, (spanDays + MAX_BARS) / MAX_BARS);
  }

  /**
   * Matched posts per period, stacked by room. Returns null when no matched post has a date.
   *
   * @param legend receives each drawn room's key (null for "other rooms") with its colour class
   */
  static String matchesPerPeriod(
      List<BankMatch> matches, CaseIndex index, Map<String, Integer> legend) {
    List<String> rooms = new ArrayList<>();
    for (String room : index.matchesByRoom().keySet()) {
      if (rooms.size() < ROOMS - 1) {
        rooms.add(room);
      }
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (BankMatch m : matches) {
      if (m.message().dateUnix() != 0) {
        long day = Math.floorDiv(m.message().dateUnix(), 86_400L);
        min = Math.min(min, day);
        max = Math.max(max, day);
      }
    }
    if (min == Long.MAX_VALUE) {
      return null;
    }
    int bucket = bucketDays(max - min);
    int bars = (int) ((max - min) / bucket) + 1;
    long[][] counts = new long[bars][ROOMS];
    for (BankMatch m : matches) {
      if (m.message().dateUnix() == 0) {
        continue;
      }
      int bar = (int) ((Math.floorDiv(m.message().dateUnix(), 86_400L) - min) / bucket);
      int room = rooms.indexOf(m.message().chatKey());
      counts[bar][room < 0 ? ROOMS - 1 : room]++;
    }
    long top = 1;
    boolean other = false;
    for (long[] bar : counts) {
      long sum = 0;
      for (long c : bar) {
        sum += c;
      }
      top = Math.max(top, sum);
      other |= bar[ROOMS - 1] > 0;
    }
    for (int i = 0; i < rooms.size(); i++) {
      legend.put(rooms.get(i), i);
    }
    if (other) {
      legend.put(null, ROOMS - 1);
    }
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    double barW = plotW / bars;
    StringBuilder b = new StringBuilder(16 * 1024);
    b.append("<svg class=\"chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"Matched posts per ")
        .append(period(bucket))
        .append(" and room\">");
    axis(b, top, plotW, plotH);
    for (int bar = 0; bar < bars; bar++) {
      double y = TOP + plotH;
      LocalDate from = LocalDate.ofEpochDay(min + (long) bar * bucket);
      for (int room = 0; room < ROOMS; room++) {
        long c = counts[bar][room];
        if (c == 0) {
          continue;
        }
        double h = c * plotH / top;
        y -= h;
        String name = room == ROOMS - 1 ? "other rooms" : index.chatName(rooms.get(room));
        b.append("<rect class=\"c")
            .append(room)
            .append("\" x=\"")
            .append(num(LEFT + bar * barW + barW * 0.1))
            .append("\" y=\"")
            .append(num(y))
            .append("\" width=\"")
            .append(num(Math.max(1, barW * 0.8)))
            .append("\" height=\"")
            .append(num(h))
            .append("\"><title>")
            .append(Html.text(name + ": " + c + " matched post(s), " + label(from, bucket)))
            .append("</title></rect>");
      }
    }
    int[] ticks = bars == 1 ? new int[] {0} : new int[] {0, bars / 2, bars - 1};
    for (int t : ticks) {
      LocalDate d = LocalDate.ofEpochDay(min + (long) t * bucket);
      b.append("<text class=\"tick\" x=\"")
          .append(num(LEFT + t * barW + barW / 2))
          .append("\" y=\"")
          .append(HEIGHT - BOTTOM + 16)
          .append("\" text-anchor=\"middle\">")
          .append(d)
          .append("</text>");
    }
    b.append("</svg>");
    return b.toString();
  }

  private static void axis(StringBuilder b, long top, double plotW, double plotH) {
    b.append("<line class=\"axis\" x1=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(num(TOP + plotH))
        .append("\" x2=\"")
        .append(num(LEFT + plotW))
        .append("\" y2=\"")
        .append(num(TOP + plotH))
        .append("\"/>");
    for (long v : new long[] {0, top / 2, top}) {
      if (v == top / 2 && (v == 0 || v == top)) {
        continue;
      }
      double y = TOP + plotH - v * plotH / top;
      b.append("<line class=\"grid\" x1=\"")
          .append(LEFT)
          .append("\" y1=\"")
          .append(num(y))
          .append("\" x2=\"")
          .append(num(LEFT + plotW))
          .append("\" y2=\"")
          .append(num(y))
          .append("\"/><text class=\"tick\" x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(num(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(v)
          .append("</text>");
    }
  }

  /**
   * One victim's image over time: a lane per room, a dot per appearance (hollow for a forward).
   * Returns null when no appearance has a date.
   */
  static String trailStrip(SpreadTrail trail, CaseIndex index, int maxRooms) {
    Map<String, Integer> lanes = new LinkedHashMap<>();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (SpreadEvent e : trail.events()) {
      if (e.message().dateUnix() == 0) {
        continue;
      }
      if (!lanes.containsKey(e.message().chatKey()) && lanes.size() < maxRooms) {
        lanes.put(e.message().chatKey(), lanes.size());
      }
      min = Math.min(min, e.message().dateUnix());
      max = Math.max(max, e.message().dateUnix());
    }
    if (lanes.isEmpty()) {
      return null;
    }
    int laneH = 18;
    int left = 170;
    int width = WIDTH;
    int height = lanes.size() * laneH + 24;
    double span = Math.max(1, max - min);
    StringBuilder b = new StringBuilder(4096);
    b.append("<svg class=\"strip\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"Appearances over time, one lane per room\">");
    for (Map.Entry<String, Integer> lane : lanes.entrySet()) {
      int y = lane.getValue() * laneH + 12;
      b.append("<text class=\"lane\" x=\"")
          .append(left - 8)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" text-anchor=\"end\">")
          .append(Html.text(NetworkPicture.clip(index.chatName(lane.getKey()), 24)))
          .append("</text><line class=\"grid\" x1=\"")
          .append(left)
          .append("\" y1=\"")
          .append(y)
          .append("\" x2=\"")
          .append(width - RIGHT)
          .append("\" y2=\"")
          .append(y)
          .append("\"/>");
    }
    for (SpreadEvent e : trail.events()) {
      Integer lane = lanes.get(e.message().chatKey());
      if (lane == null || e.message().dateUnix() == 0) {
        continue;
      }
      double x = left + (e.message().dateUnix() - min) / span * (width - RIGHT - left);
      b.append("<circle class=\"ev ")
          .append(Html.anchor("k-", e.kind()))
          .append("\" cx=\"")
          .append(num(x))
          .append("\" cy=\"")
          .append(lane * laneH + 12)
          .append("\" r=\"5\"><title>")
          .append(
              Html.text(
                  e.kind()
                      + " by "
                      + index.accountName(e.actorKey())
                      + ", "
                      + CaseIndex.cite(e.message())))
          .append("</title></circle>");
    }
    b.append("<text class=\"tick\" x=\"")
        .append(left)
        .append("\" y=\"")
        .append(height - 4)
        .append("\">")
        .append(Dates.day(min))
        .append("</text><text class=\"tick\" x=\"")
        .append(width - RIGHT)
        .append("\" y=\"")
        .append(height - 4)
        .append("\" text-anchor=\"end\">")
        .append(Dates.day(max))
        .append("</text></svg>");
    return b.toString();
  }

  private static String period(int bucket) {
    return switch (bucket) {
      case 1 -> "day";
      case 7 -> "week";
      case 30 -> "month";
      case 91 -> "quarter";
      case 365 -> "year";
      default -> bucket + " days";
    };
  }

  private static String label(LocalDate from, int bucket) {
    return bucket == 1 ? from.toString() : from + " to " + from.plusDays(bucket - 1L);
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
