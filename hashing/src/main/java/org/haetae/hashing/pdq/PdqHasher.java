package org.haetae.hashing.pdq;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;

/**
 * PDQ hashing, bit for bit as Meta's ThreatExchange reference computes it.
 *
 * <p>An instance keeps its working buffers between images (hashing many frames or files of similar
 * size allocates nothing after the first), so it is not thread-safe: use one per thread.
 */
public final class PdqHasher {
  private float[] a = new float[0];
  private float[] b = new float[0];
  private float[] strip = new float[0];
  private final float[] downsampled = new float[64 * 64];

  /** Hash of the image as decoded (no EXIF rotation). */
  public PdqHash hash(BufferedImage img) {
    Spectrum s = spectrumOf(img);
    return new PdqHash(PdqCore.bits(s.dct()), s.quality());
  }

  /** Hashes of all eight rotations and flips, from one pass over the pixels. */
  public DihedralHashes hashDihedral(BufferedImage img) {
    Spectrum s = spectrumOf(img);
    Map<Dihedral, Hash256> all = new EnumMap<>(Dihedral.class);
    for (Dihedral d : Dihedral.values()) {
      all.put(d, PdqCore.bits(PdqCore.dihedral(s.dct(), d)));
    }
    return new DihedralHashes(all, s.quality());
  }

  /**
   * Hash of a luminance plane (row-major, {@code rows x cols}, values 0..255). The array is used as
   * scratch and its contents are lost.
   */
  public PdqHash hashLuminance(float[] luma, int rows, int cols) {
    ensure(rows, cols);
    System.arraycopy(luma, 0, a, 0, rows * cols);
    Spectrum s = spectrumOfLoaded(rows, cols);
    return new PdqHash(PdqCore.bits(s.dct()), s.quality());
  }

  /**
   * Releases buffers above {@code maxPixels}, so that one huge image does not pin its memory for
   * the life of a worker thread.
   */
  public void trim(long maxPixels) {
    if (a.length > maxPixels) {
      a = new float[0];
      b = new float[0];
      strip = new float[0];
    }
  }

  /** The 16x16 DCT and the quality of one image. */
  private record Spectrum(float[] dct, int quality) {}

  private Spectrum spectrumOf(BufferedImage img) {
    int rows = img.getHeight();
    int cols = img.getWidth();
    ensure(rows, cols);
    Luminance.fill(img, a);
    return spectrumOfLoaded(rows, cols);
  }

  private Spectrum spectrumOfLoaded(int rows, int cols) {
    JaroszFilter.downsample(a, b, strip, rows, cols, downsampled);
    return new Spectrum(PdqCore.dct(downsampled), PdqCore.quality(downsampled));
  }

  private void ensure(int rows, int cols) {
    if (rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException("empty image " + cols + "x" + rows);
    }
    long n = (long) rows * cols;
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("image too large to hash: " + cols + "x" + rows);
    }
    if (a.length < n) {
      a = new float[(int) n];
      b = new float[(int) n];
    }
    if (strip.length < rows * 64) {
      strip = new float[rows * 64];
    }
  }
}
