package org.haetae.hashing.pdq;

/**
 * The reference's downsampling: two rounds of a box filter along rows then along columns (a tent
 * filter, after Jarosz), then sampling at 64x64 cell centres.
 *
 * <p>Every output value is produced by exactly the float operations, in exactly the order, of the
 * reference's one-dimensional box filter; only the order in which independent values are computed
 * differs. Column passes sweep whole rows at once (sequential memory, vectorisable), row passes run
 * eight rows side by side so that their running sums do not wait on each other, and the second
 * round computes only the 64 columns and 64 rows that sampling keeps.
 */
final class JaroszFilter {
  static final int PASSES_WINDOW_DIVISOR = 128;
  private static final int LANES = 8;

  private JaroszFilter() {}

  static int windowSize(int dimension) {
    return (dimension + PASSES_WINDOW_DIVISOR - 1) / PASSES_WINDOW_DIVISOR;
  }

  /** Index of the pixel that sampling cell {@code i} of 64 reads, as the reference computes it. */
  static int sampleIndex(int i, int length) {
    return (int) (((i + 0.5) * length) / 64);
  }

  /**
   * Window phases of the reference box filter over a vector of {@code length} values: {@code lead}
   * values summed before the first output, then outputs with a growing, full, and shrinking window.
   */
  record Phases(int lead, int grow, int full, int shrink, int window) {
    static Phases of(int length, int window) {
      int half = (window + 2) / 2;
      return new Phases(half - 1, window - half + 1, length - window, half - 1, window);
    }

    /** Window size (divisor) used for output position {@code o}. */
    int divisorAt(int o) {
      if (o < grow) {
        return lead + 1 + o;
      }
      if (o < grow + full) {
        return window;
      }
      return window - 1 - (o - grow - full);
    }
  }

  /**
   * Full downsample: {@code a} holds the luminance on entry and is used as scratch; {@code b} is
   * scratch of the same size; {@code strip} is scratch of rows x 64. Writes the 64x64 result to
   * {@code out} (row-major).
   */
  static void downsample(float[] a, float[] b, float[] strip, int rows, int cols, float[] out) {
    int rowWindow = windowSize(cols);
    int colWindow = windowSize(rows);
    Phases alongRow = Phases.of(cols, rowWindow);
    Phases alongCol = Phases.of(rows, colWindow);
    int[] sampleCols = new int[64];
    int[] sampleRows = new int[64];
    for (int i = 0; i < 64; i++) {
      sampleCols[i] = sampleIndex(i, cols);
      sampleRows[i] = sampleIndex(i, rows);
    }

    // Round one: every value is needed by round two.
    rowSums(a, b, rows, cols, alongRow);
    divideAlongRows(b, rows, cols, alongRow);
    columns(b, a, rows, cols, alongCol);

    // Round two: only sampled columns of the row pass, then only sampled rows of the column pass.
    float[] rowSum = b; // reuse: raw running sums of one group of rows
    rowSums(a, rowSum, rows, cols, alongRow);
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      for (int j = 0; j < 64; j++) {
        int c = sampleCols[j];
        strip[r * 64 + j] = rowSum[base + c] / alongRow.divisorAt(c);
      }
    }
    sampledColumns(strip, rows, alongCol, sampleRows, out);
  }

  /**
   * Writes into {@code sums} the running window sum at each output position of every row (the value
   * the reference divides by the window size). Eight rows advance together.
   */
  static void rowSums(float[] in, float[] sums, int rows, int cols, Phases p) {
    int r = 0;
    for (; r + LANES <= rows; r += LANES) {
      rowSums8(in, sums, r * cols, cols, p);
    }
    for (; r < rows; r++) {
      rowSums1(in, sums, r * cols, p);
    }
  }

  private static void rowSums1(float[] in, float[] out, int base, Phases p) {
    float s = 0f;
    int ri = base;
    int li = base;
    int oi = base;
    for (int i = 0; i < p.lead(); i++) {
      s += in[ri++];
    }
    for (int i = 0; i < p.grow(); i++) {
      s += in[ri++];
      out[oi++] = s;
    }
    for (int i = 0; i < p.full(); i++) {
      s += in[ri++];
      s -= in[li++];
      out[oi++] = s;
    }
    for (int i = 0; i < p.shrink(); i++) {
      s -= in[li++];
      out[oi++] = s;
    }
  }

  private static void rowSums8(float[] in, float[] out, int base, int n, Phases p) {
    int o1 = n;
    int o2 = 2 * n;
    int o3 = 3 * n;
    int o4 = 4 * n;
    int o5 = 5 * n;
    int o6 = 6 * n;
    int o7 = 7 * n;
    float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
    int ri = base;
    int li = base;
    int oi = base;
    for (int i = 0; i < p.lead(); i++, ri++) {
      s0 += in[ri];
      s1 += in[ri + o1];
      s2 += in[ri + o2];
      s3 += in[ri + o3];
      s4 += in[ri + o4];
      s5 += in[ri + o5];
      s6 += in[ri + o6];
      s7 += in[ri + o7];
    }
    for (int i = 0; i < p.grow(); i++, ri++, oi++) {
      s0 += in[ri];
      s1 += in[ri + o1];
      s2 += in[ri + o2];
      s3 += in[ri + o3];
      s4 += in[ri + o4];
      s5 += in[ri + o5];
      s6 += in[ri + o6];
      s7 += in[ri + o7];
      out[oi] = s0;
      out[oi + o1] = s1;
      out[oi + o2] = s2;
      out[oi + o3] = s3;
      out[oi + o4] = s4;
      out[oi + o5] = s5;
      out[oi + o6] = s6;
      out[oi + o7] = s7;
    }
    for (int i = 0; i < p.full(); i++, ri++, li++, oi++) {
      s0 += in[ri];
      s1 += in[ri + o1];
      s2 += in[ri + o2];
      s3 += in[ri + o3];
      s4 += in[ri + o4];
      s5 += in[ri + o5];
      s6 += in[ri + o6];
      s7 += in[ri + o7];
      s0 -= in[li];
      s1 -= in[li + o1];
      s2 -= in[li + o2];
      s3 -= in[li + o3];
      s4 -= in[li + o4];
      s5 -= in[li + o5];
      s6 -= in[li + o6];
      s7 -= in[li + o7];
      out[oi] = s0;
      out[oi + o1] = s1;
      out[oi + o2] = s2;
      out[oi + o3] = s3;
      out[oi + o4] = s4;
      out[oi + o5] = s5;
      out[oi + o6] = s6;
      out[oi + o7] = s7;
    }
    for (int i = 0; i < p.shrink(); i++, li++, oi++) {
      s0 -= in[li];
      s1 -= in[li + o1];
      s2 -= in[li + o2];
      s3 -= in[li + o3];
      s4 -= in[li + o4];
      s5 -= in[li + o5];
      s6 -= in[li + o6];
      s7 -= in[li + o7];
      out[oi] = s0;
      out[oi + o1] = s1;
      out[oi + o2] = s2;
      out[oi + o3] = s3;
      out[oi + o4] = s4;
      out[oi + o5] = s5;
      out[oi + o6] = s6;
      out[oi + o7] = s7;
    }
  }

  /** Turns running sums into averages in place, one window-size run at a time. */
  private static void divideAlongRows(float[] m, int rows, int cols, Phases p) {
    int fullStart = p.grow();
    int fullEnd = p.grow() + p.full();
    float window = p.window();
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      for (int c = 0; c < fullStart; c++) {
        m[base + c] = m[base + c] / p.divisorAt(c);
      }
      for (int c = base + fullStart, end = base + fullEnd; c < end; c++) {
        m[c] = m[c] / window;
      }
      for (int c = fullEnd; c < cols; c++) {
        m[base + c] = m[base + c] / p.divisorAt(c);
      }
    }
  }

  /** Box filter along every column at once: one running sum per column, swept row by row. */
  static void columns(float[] in, float[] out, int rows, int cols, Phases p) {
    float[] sum = new float[cols];
    int cw = 0;
    int ri = 0;
    int li = 0;
    int oi = 0;
    for (int i = 0; i < p.lead(); i++, ri++) {
      addRow(sum, in, ri * cols, cols);
      cw++;
    }
    for (int i = 0; i < p.grow(); i++, ri++, oi++) {
      addRow(sum, in, ri * cols, cols);
      cw++;
      writeRow(sum, out, oi * cols, cols, cw);
    }
    for (int i = 0; i < p.full(); i++, ri++, li++, oi++) {
      int rb = ri * cols;
      int lb = li * cols;
      int ob = oi * cols;
      float w = cw;
      for (int c = 0; c < cols; c++) {
        float s = sum[c] + in[rb + c];
        s -= in[lb + c];
        sum[c] = s;
        out[ob + c] = s / w;
      }
    }
    for (int i = 0; i < p.shrink(); i++, li++, oi++) {
      subRow(sum, in, li * cols, cols);
      cw--;
      writeRow(sum, out, oi * cols, cols, cw);
    }
  }

  /**
   * Column pass over the rows x 64 strip, keeping only the 64 sampled rows; divisions happen only
   * there.
   */
  private static void sampledColumns(
      float[] strip, int rows, Phases p, int[] sampleRows, float[] out) {
    final int cols = 64;
    float[] sum = new float[cols];
    float[] sumsAt = new float[rows * cols];
    int ri = 0;
    int li = 0;
    int oi = 0;
    for (int i = 0; i < p.lead(); i++, ri++) {
      addRow(sum, strip, ri * cols, cols);
    }
    for (int i = 0; i < p.grow(); i++, ri++, oi++) {
      addRow(sum, strip, ri * cols, cols);
      System.arraycopy(sum, 0, sumsAt, oi * cols, cols);
    }
    for (int i = 0; i < p.full(); i++, ri++, li++, oi++) {
      addRow(sum, strip, ri * cols, cols);
      subRow(sum, strip, li * cols, cols);
      System.arraycopy(sum, 0, sumsAt, oi * cols, cols);
    }
    for (int i = 0; i < p.shrink(); i++, li++, oi++) {
      subRow(sum, strip, li * cols, cols);
      System.arraycopy(sum, 0, sumsAt, oi * cols, cols);
    }
    for (int i = 0; i < 64; i++) {
      int r = sampleRows[i];
      float w = p.divisorAt(r);
      for (int j = 0; j < cols; j++) {
        out[i * 64 + j] = sumsAt[r * cols + j] / w;
      }
    }
  }

  private static void addRow(float[] sum, float[] in, int base, int cols) {
    for (int c = 0; c < cols; c++) {
      sum[c] += in[base + c];
    }
  }

  private static void subRow(float[] sum, float[] in, int base, int cols) {
    for (int c = 0; c < cols; c++) {
      sum[c] -= in[base + c];
    }
  }

  private static void writeRow(float[] sum, float[] out, int base, int cols, int divisor) {
    float w = divisor;
    for (int c = 0; c < cols; c++) {
      out[base + c] = sum[c] / w;
    }
  }
}
