package org.haetae.cli.progress;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.haetae.pipeline.progress.ProgressSink;

/**
 * Progress of a long job on standard error: a redrawn bar on a terminal, a plain line every few
 * seconds otherwise (logs, CI). Thread-safe; {@link #advance} is cheap enough to call per item.
 */
public final class Progress implements ProgressSink.Task {
  private static final long TTY_REDRAW_NANOS = 100_000_000L;
  private static final long PLAIN_LINE_NANOS = 5_000_000_000L;

  private final String label;
  private final long total;
  private final PrintStream out;
  private final boolean tty;
  private final long started = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private volatile long lastDraw = started;
  private boolean closed;

  private Progress(String label, long total, PrintStream out, boolean tty) {
    this.label = label;
    this.total = total;
    this.out = out;
    this.tty = tty;
  }

  /** A progress display for {@code total} items ({@code total <= 0}: unknown). */
  public static Progress start(String label, long total) {
    return new Progress(label, total, System.err, isTerminal());
  }

  /** For tests and callers that want to choose the stream and style. */
  public static Progress start(String label, long total, PrintStream out, boolean tty) {
    return new Progress(label, total, out, tty);
  }

  /**
   * True when standard error is a terminal. The launcher script knows this for certain and passes
   * {@code -Dhaetae.tty}; without it, a console attached to the JVM is taken as a terminal.
   */
  /**
   * Progress of the pipeline's jobs on standard error: a bar (or plain lines) per step, a line per
   * stage and per warning.
   */
  public static ProgressSink terminal() {
    return new ProgressSink() {
      @Override
      public Task start(String label, long total) {
        return Progress.start(label, total);
      }

      @Override
      public void stage(String what) {
        System.err.println("== " + what);
      }

      @Override
      public void warn(String message) {
        System.err.println("warning: " + message);
      }
    };
  }

  public static boolean isTerminal() {
    String prop = System.getProperty("haetae.tty");
    if (prop != null) {
      return Boolean.parseBoolean(prop);
    }
    return System.console() != null;
  }

  public void advance(long n) {
    long now = System.nanoTime();
    done.addAndGet(n);
    long interval = tty ? TTY_REDRAW_NANOS : PLAIN_LINE_NANOS;
    if (now - lastDraw >= interval) {
      synchronized (this) {
        if (now - lastDraw >= interval && !closed) {
          lastDraw = now;
          draw(false);
        }
      }
    }
  }

  public long done() {
    return done.get();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      // A job that finished within a few seconds needs no closing line in a log.
      boolean quick = System.nanoTime() - started < PLAIN_LINE_NANOS && lastDraw == started;
      if (tty || !quick) {
        draw(true);
      }
    }
  }

  private void draw(boolean last) {
    long d = done.get();
    double secs = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
    String rate = String.format("%.1f/s", d / secs);
    String counts = total > 0 ? d + "/" + total : String.valueOf(d);
    if (tty) {
      StringBuilder sb = new StringBuilder("\r").append(label).append(' ');
      if (total > 0) {
        int width = 30;
        int filled = (int) Math.min(width, d * width / total);
        sb.append('[')
            .append("#".repeat(filled))
            .append(" ".repeat(width - filled))
            .append("] ")
            .append(d * 100 / total)
            .append("% ");
      }
      sb.append(counts).append(' ').append(rate).append("   ");
      out.print(sb);
      if (last) {
        out.println();
      }
    } else {
      String pct = total > 0 ? " (" + d * 100 / total + "%)" : "";
      out.println(label + ": " + counts + pct + ", " + rate + (last ? ", done" : ""));
    }
    out.flush();
  }
}
