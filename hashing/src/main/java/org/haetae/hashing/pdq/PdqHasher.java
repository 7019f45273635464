package org.haetae.hashing.pdq;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;

/**
 * PDQ hashing, bit for bit as Meta's ThreatExchange reference computes it.
 *
 * <p>The picture is read once, a few rows at a time, so hashing needs memory for a window of rows
 * rather than for a float copy of the whole image. Stateless and thread-safe.
 */
public final class PdqHasher {

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

  /** Hash of a luminance plane (row-major, {@code rows x cols}, values 0..255). */
  public PdqHash hashLuminance(float[] luma, int rows, int cols) {
    check(rows, cols);
    if (luma.length < (long) rows * cols) {
      throw new IllegalArgumentException("luminance array smaller than " + cols + "x" + rows);
    }
    Spectrum s = spectrum((y, dst) -> System.arraycopy(luma, y * cols, dst, 0, cols), rows, cols);
    return new PdqHash(PdqCore.bits(s.dct()), s.quality());
  }

  /**
   * Hash of 8-bit RGBA pixels, row-major, four bytes per pixel (R, G, B, A), as a browser's canvas
   * returns them. Alpha is ignored, as {@link #hash(BufferedImage)} ignores it (it reads the
   * stored, non-premultiplied colour {@code getRGB} reports), so this gives exactly what {@code
   * hash(BufferedImage)} gives for an image whose {@code getRGB} returns these colours. No AWT
   * class is touched on this path: it is the one the browser build compiles to JavaScript.
   */
  public PdqHash hashRgba(byte[] rgba, int width, int height) {
    check(height, width);
    if (rgba.length < (long) width * height * 4) {
      throw new IllegalArgumentException("RGBA array smaller than " + width + "x" + height + "x4");
    }
    Spectrum s = spectrum((y, dst) -> Luminance.fillRgbaRow(rgba, width, y, dst), height, width);
    return new PdqHash(PdqCore.bits(s.dct()), s.quality());
  }

  /** The 16x16 DCT and the quality of one image. */
  private record Spectrum(float[] dct, int quality) {}

  private Spectrum spectrumOf(BufferedImage img) {
    int rows = img.getHeight();
    int cols = img.getWidth();
    check(rows, cols);
    return spectrum((y, dst) -> Luminance.fillRows(img, y, 1, dst), rows, cols);
  }

  private static Spectrum spectrum(JaroszFilter.RowSource source, int rows, int cols) {
    float[] downsampled = new float[64 * 64];
    JaroszFilter.downsample(source, rows, cols, downsampled);
    return new Spectrum(PdqCore.dct(downsampled), PdqCore.quality(downsampled));
  }

  private static void check(int rows, int cols) {
    if (rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException("empty image " + cols + "x" + rows);
    }
  }
}
