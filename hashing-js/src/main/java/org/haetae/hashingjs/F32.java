package org.haetae.hashingjs;

/**
 * Single-precision rounding in the browser. TeaVM's JavaScript backend computes {@code float}
 * arithmetic in JavaScript numbers (double precision) and rounds only where a value is stored into
 * a {@code float[]}, which it keeps in a {@code Float32Array}. {@link
 * org.haetae.hashingjs.build.StrictFloats} puts a call to {@link #round} after every float
 * operation, so that the compiled PDQ computes exactly what the JVM does.
 */
public final class F32 {
  private static final float[] CELL = new float[1];

  private F32() {}

  /**
   * The float nearest to {@code x}. On the JVM {@code x} already is one; in the browser the store
   * into the {@code Float32Array} behind {@code CELL} rounds it (what {@code Math.fround} does).
   * Plain Java rather than a {@code @JSBody} call, because the calls are added after TeaVM's
   * JavaScript-interop step has processed the calling classes.
   */
  public static float round(float x) {
    CELL[0] = x;
    return CELL[0];
  }
}
