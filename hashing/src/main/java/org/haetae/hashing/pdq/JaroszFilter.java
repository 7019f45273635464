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

  /** Supplies luminance row {@code y} into {@code dst}. */
  @FunctionalInterface
  interface RowSource {
    void row(int y, float[] dst);
  }

  /**
   * Downsamples a {@code rows x cols} luminance plane to 64x64 (row-major, into {@code out}),
   * streaming: rows are pulled from {@code source} eight at a time and flow through both rounds at
   * once, so only a window's worth of rows is ever held, and the picture is read once.
   */
  static void downsample(RowSource source, int rows, int cols, float[] out) {
    new Streaming(rows, cols).run(source, out);
  }

  /**
   * Working state of one streaming downsample. Rows are separate arrays: loops that index two
   * arrays from zero are the ones the JIT turns into vector instructions.
   */
  private static final class Streaming {
    private final int rows;
    private final int cols;
    private final Phases alongRow;
    private final Phases alongCol;
    private final float[] rowDivisor;
    private final int[] sampleCols = new int[64];
    private final int[] sampleRows = new int[64];
    private final float[][] batch = new float[LANES][]; // input rows
    private final float[][] sums = new float[LANES][]; // their running row sums
    private final float[][] ring; // round-one row-pass output, the last ringRows rows
    private final float[] colSum;
    private final float[][] round2In = new float[LANES][]; // round-one output awaiting round two
    private int round2Count;
    private int round2First;
    private final float[][] strip; // round two's row pass, sampled columns only: rows x 64

    Streaming(int rows, int cols) {
      this.rows = rows;
      this.cols = cols;
      this.alongRow = Phases.of(cols, windowSize(cols));
      this.alongCol = Phases.of(rows, windowSize(rows));
      this.rowDivisor = new float[cols];
      for (int c = 0; c < cols; c++) {
        rowDivisor[c] = alongRow.divisorAt(c);
      }
      for (int i = 0; i < 64; i++) {
        sampleCols[i] = sampleIndex(i, cols);
        sampleRows[i] = sampleIndex(i, rows);
      }
      for (int k = 0; k < LANES; k++) {
        batch[k] = new float[cols];
        sums[k] = new float[cols];
        round2In[k] = new float[cols];
      }
      ring = new float[alongCol.window() + LANES][cols];
      colSum = new float[cols];
      strip = new float[rows][64];
    }

    void run(RowSource source, float[] out) {
      for (int y0 = 0; y0 < rows; y0 += LANES) {
        int n = Math.min(LANES, rows - y0);
        for (int k = 0; k < n; k++) {
          source.row(y0 + k, batch[k]);
        }
        rowSums(batch, sums, n, alongRow);
        for (int k = 0; k < n; k++) {
          divide(sums[k], rowDivisor, ring[(y0 + k) % ring.length]);
        }
        for (int k = 0; k < n; k++) {
          columnStep(y0 + k);
        }
      }
      for (int i = 0; i < alongCol.shrink(); i++) {
        subtract(colSum, ring[(rows - alongCol.window() + i) % ring.length]);
        emitRoundOne(alongCol.grow() + alongCol.full() + i);
      }
      flushRoundTwo();
      sampledColumns(strip, alongCol, sampleRows, out);
    }

    /** Round one's column pass, advanced by input row {@code ri}, in the reference's order. */
    private void columnStep(int ri) {
      float[] r = ring[ri % ring.length];
      if (ri < alongCol.lead()) {
        add(colSum, r);
        return;
      }
      if (ri < alongCol.lead() + alongCol.grow()) {
        add(colSum, r);
      } else {
        slide(colSum, r, ring[(ri - alongCol.window()) % ring.length]);
      }
      emitRoundOne(ri - alongCol.lead());
    }

    /** Output row {@code oi} of round one goes into the queue for round two's row pass. */
    private void emitRoundOne(int oi) {
      if (round2Count == 0) {
        round2First = oi;
      }
      divide(colSum, alongCol.divisorAt(oi), round2In[round2Count]);
      if (++round2Count == LANES) {
        flushRoundTwo();
      }
    }

    /** Round two's row pass over the queued rows, keeping the sampled columns. */
    private void flushRoundTwo() {
      if (round2Count == 0) {
        return;
      }
      rowSums(round2In, sums, round2Count, alongRow);
      for (int k = 0; k < round2Count; k++) {
        float[] s = sums[k];
        float[] dst = strip[round2First + k];
        for (int j = 0; j < 64; j++) {
          int c = sampleCols[j];
          dst[j] = s[c] / rowDivisor[c];
        }
      }
      round2Count = 0;
    }
  }

  /**
   * Writes into {@code out[k]} the running window sum at each output position of row {@code in[k]}
   * (the value the reference then divides by the window size), for the first {@code n} rows. Eight
   * rows advance together so that their dependency chains overlap.
   */
  static void rowSums(float[][] in, float[][] out, int n, Phases p) {
    if (n == LANES) {
      rowSums8(in, out, p);
    } else {
      for (int k = 0; k < n; k++) {
        rowSums1(in[k], out[k], p);
      }
    }
  }

  private static void rowSums1(float[] in, float[] out, Phases p) {
    float s = 0f;
    int r = 0;
    int l = 0;
    int o = 0;
    for (int i = 0; i < p.lead(); i++) {
      s += in[r++];
    }
    for (int i = 0; i < p.grow(); i++) {
      s += in[r++];
      out[o++] = s;
    }
    for (int i = 0; i < p.full(); i++) {
      s += in[r++];
      s -= in[l++];
      out[o++] = s;
    }
    for (int i = 0; i < p.shrink(); i++) {
      s -= in[l++];
      out[o++] = s;
    }
  }

  private static void rowSums8(float[][] in, float[][] out, Phases p) {
    float[] i0 = in[0], i1 = in[1], i2 = in[2], i3 = in[3];
    float[] i4 = in[4], i5 = in[5], i6 = in[6], i7 = in[7];
    float[] o0 = out[0], o1 = out[1], o2 = out[2], o3 = out[3];
    float[] o4 = out[4], o5 = out[5], o6 = out[6], o7 = out[7];
    float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
    int lead = p.lead();
    int grow = p.grow();
    int full = p.full();
    int shrink = p.shrink();
    for (int r = 0; r < lead; r++) {
      s0 += i0[r];
      s1 += i1[r];
      s2 += i2[r];
      s3 += i3[r];
      s4 += i4[r];
      s5 += i5[r];
      s6 += i6[r];
      s7 += i7[r];
    }
    for (int o = 0; o < grow; o++) {
      int r = o + lead;
      s0 += i0[r];
      s1 += i1[r];
      s2 += i2[r];
      s3 += i3[r];
      s4 += i4[r];
      s5 += i5[r];
      s6 += i6[r];
      s7 += i7[r];
      o0[o] = s0;
      o1[o] = s1;
      o2[o] = s2;
      o3[o] = s3;
      o4[o] = s4;
      o5[o] = s5;
      o6[o] = s6;
      o7[o] = s7;
    }
    for (int l = 0; l < full; l++) {
      int r = l + lead + grow;
      int o = l + grow;
      s0 += i0[r];
      s1 += i1[r];
      s2 += i2[r];
      s3 += i3[r];
      s4 += i4[r];
      s5 += i5[r];
      s6 += i6[r];
      s7 += i7[r];
      s0 -= i0[l];
      s1 -= i1[l];
      s2 -= i2[l];
      s3 -= i3[l];
      s4 -= i4[l];
      s5 -= i5[l];
      s6 -= i6[l];
      s7 -= i7[l];
      o0[o] = s0;
      o1[o] = s1;
      o2[o] = s2;
      o3[o] = s3;
      o4[o] = s4;
      o5[o] = s5;
      o6[o] = s6;
      o7[o] = s7;
    }
    for (int i = 0; i < shrink; i++) {
      int l = full + i;
      int o = grow + full + i;
      s0 -= i0[l];
      s1 -= i1[l];
      s2 -= i2[l];
      s3 -= i3[l];
      s4 -= i4[l];
      s5 -= i5[l];
      s6 -= i6[l];
      s7 -= i7[l];
      o0[o] = s0;
      o1[o] = s1;
      o2[o] = s2;
      o3[o] = s3;
      o4[o] = s4;
      o5[o] = s5;
      o6[o] = s6;
      o7[o] = s7;
    }
  }

  /**
   * Column pass over the rows x 64 strip, keeping only the 64 sampled rows; divisions happen only
   * there.
   */
  private static void sampledColumns(float[][] strip, Phases p, int[] sampleRows, float[] out) {
    int rows = strip.length;
    float[][] kept = new float[rows][];
    for (int r : sampleRows) {
      kept[r] = new float[64];
    }
    float[] sum = new float[64];
    int ri = 0;
    int li = 0;
    int oi = 0;
    for (int i = 0; i < p.lead(); i++) {
      add(sum, strip[ri++]);
    }
    for (int i = 0; i < p.grow(); i++, oi++) {
      add(sum, strip[ri++]);
      keep(sum, kept[oi]);
    }
    for (int i = 0; i < p.full(); i++, oi++) {
      slide(sum, strip[ri++], strip[li++]);
      keep(sum, kept[oi]);
    }
    for (int i = 0; i < p.shrink(); i++, oi++) {
      subtract(sum, strip[li++]);
      keep(sum, kept[oi]);
    }
    for (int i = 0; i < 64; i++) {
      int r = sampleRows[i];
      float w = p.divisorAt(r);
      for (int j = 0; j < 64; j++) {
        out[i * 64 + j] = kept[r][j] / w;
      }
    }
  }

  private static void keep(float[] sum, float[] into) {
    if (into != null) {
      System.arraycopy(sum, 0, into, 0, sum.length);
    }
  }

  private static void add(float[] sum, float[] row) {
    for (int c = 0; c < sum.length; c++) {
      sum[c] += row[c];
    }
  }

  private static void subtract(float[] sum, float[] row) {
    for (int c = 0; c < sum.length; c++) {
      sum[c] -= row[c];
    }
  }

  /** {@code sum += in; sum -= out}, per element in that order, as the reference slides. */
  private static void slide(float[] sum, float[] in, float[] out) {
    for (int c = 0; c < sum.length; c++) {
      float s = sum[c] + in[c];
      s -= out[c];
      sum[c] = s;
    }
  }

  private static void divide(float[] x, float[] divisor, float[] out) {
    for (int c = 0; c < x.length; c++) {
      out[c] = x[c] / divisor[c];
    }
  }

  private static void divide(float[] x, float divisor, float[] out) {
    for (int c = 0; c < x.length; c++) {
      out[c] = x[c] / divisor;
    }
  }
}
