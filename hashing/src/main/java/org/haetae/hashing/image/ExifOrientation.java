package org.haetae.hashing.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The EXIF orientation tag of a JPEG (1..8, 1 meaning "as stored"), and turning an image upright by
 * it. PDQ's reference ignores the tag; Haetae does too unless asked.
 */
public final class ExifOrientation {
  private ExifOrientation() {}

  /** The orientation recorded in a JPEG's EXIF block; 1 where there is none or it is unreadable. */
  public static int read(byte[] jpeg) {
    if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8) {
      return 1;
    }
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
      List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
      for (JPEGSegment segment : segments) {
        try (InputStream data = segment.data()) {
          byte[] exif = data.readAllBytes();
          int skip = tiffStart(exif);
          if (skip < 0) {
            continue;
          }
          try (ImageInputStream tiff =
              new MemoryCacheImageInputStream(
                  new ByteArrayInputStream(exif, skip, exif.length - skip))) {
            Directory dir = new TIFFReader().read(tiff);
            Entry e = dir.getEntryById(TIFF.TAG_ORIENTATION);
            if (e != null && e.getValue() instanceof Number n) {
              int v = n.intValue();
              return v >= 1 && v <= 8 ? v : 1;
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // A damaged EXIF block leaves the image as stored, which is what the reference does anyway.
    }
    return 1;
  }

  /**
   * Where the TIFF header ("II*\0" or "MM\0*") starts: the segment data may or may not still carry
   * the "Exif\0\0" prefix and its padding, depending on how it was cut.
   */
  private static int tiffStart(byte[] b) {
    for (int i = 0; i + 4 <= b.length && i <= 8; i++) {
      boolean intel = b[i] == 'I' && b[i + 1] == 'I' && b[i + 2] == 42 && b[i + 3] == 0;
      boolean motorola = b[i] == 'M' && b[i + 1] == 'M' && b[i + 2] == 0 && b[i + 3] == 42;
      if (intel || motorola) {
        return i;
      }
    }
    return -1;
  }

  /** The image turned upright for orientation {@code o}; {@code img} itself when o is 1. */
  public static BufferedImage apply(BufferedImage img, int o) {
    if (o <= 1 || o > 8) {
      return img;
    }
    int w = img.getWidth();
    int h = img.getHeight();
    boolean swap = o >= 5;
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = img.getRGB(x, y);
        // Where stored pixel (x, y) lands in the upright image, per the EXIF definition.
        int nx;
        int ny;
        switch (o) {
          case 2 -> {
            nx = w - 1 - x;
            ny = y;
          }
          case 3 -> {
            nx = w - 1 - x;
            ny = h - 1 - y;
          }
          case 4 -> {
            nx = x;
            ny = h - 1 - y;
          }
          case 5 -> {
            nx = y;
            ny = x;
          }
          case 6 -> {
            nx = h - 1 - y;
            ny = x;
          }
          case 7 -> {
            nx = h - 1 - y;
            ny = w - 1 - x;
          }
          default -> {
            nx = y;
            ny = w - 1 - x;
          }
        }
        out.setRGB(nx, ny, rgb);
      }
    }
    return out;
  }
}
