package org.haetae.cli.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

/** Prints benchmark figures as {@code name value unit} lines, and summarises samples. */
public final class Figures {
  private final PrintWriter out;

  public Figures(PrintWriter out) {
    this.out = out;
  }

  public void print(String name, double value, String unit) {
    out.println(String.format(Locale.ROOT, "%s %.4g %s", name, value, unit));
    out.flush();
  }

  /** The q-quantile (0..1) of the samples, by nearest rank. */
  public static double quantile(double[] samples, double q) {
    double[] s = samples.clone();
    Arrays.sort(s);
    int i = (int) Math.ceil(q * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, i))];
  }
}
