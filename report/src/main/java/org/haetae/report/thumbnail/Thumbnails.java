package org.haetae.report.thumbnail;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.haetae.analysis.result.BankMatch;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.MediaItem;
import org.haetae.evidence.vault.Vault;
import org.haetae.hashing.image.DecodeLimits;
import org.haetae.hashing.image.ExifOrientation;
import org.haetae.hashing.image.ImageDecodeException;
import org.haetae.hashing.image.ImageDecoder;

/**
 * Thumbnails of matched images, decoded from the vault with the same defensive decoder as hashing:
 * the blobs are the suspects' files, so a blob that fails in any way just gets no thumbnail.
 */
public final class Thumbnails {
  /** Longest edge of a thumbnail in pixels. */
  public static final int MAX_EDGE = 160;

  // Thumbnails need far less than hashing allows; smaller bounds keep a hostile blob cheap.
  private static final DecodeLimits LIMITS = new DecodeLimits(40_000_000L, 64L * 1024 * 1024);
  // AES-GCM adds a header and tags; a blob this much over the plaintext limit is over it too.
  private static final long BLOB_OVERHEAD = 1L << 20;

  private Thumbnails() {}

  /**
   * Thumbnails of the first {@code max} distinct matched images, in the order the matches list
   * them, by SHA-256. Media the analysis does not call images are skipped.
   */
  public static Map<String, Thumbnail> ofMatched(CaseAnalysis analysis, Vault vault, int max) {
    Map<String, MediaItem> media = new LinkedHashMap<>();
    analysis.media().forEach(m -> media.putIfAbsent(m.sha256(), m));
    ImageDecoder decoder = new ImageDecoder(LIMITS);
    Map<String, Thumbnail> out = new LinkedHashMap<>();
    Set<String> tried = new HashSet<>();
    for (BankMatch m : analysis.matches()) {
      if (out.size() >= max) {
        break;
      }
      String sha = m.mediaSha256();
      MediaItem item = media.get(sha);
      if (sha == null || !tried.add(sha) || (item != null && !"image".equals(item.kind()))) {
        continue;
      }
      Thumbnail t = read(vault, sha, decoder);
      if (t != null) {
        out.put(sha, t);
      }
    }
    return out;
  }

  /** One thumbnail from the vault, or null when the blob is missing, damaged or no image. */
  static Thumbnail read(Vault vault, String sha256, ImageDecoder decoder) {
    try {
      if (Files.size(vault.blobPath(sha256)) > decoder.limits().maxFileBytes() + BLOB_OVERHEAD) {
        return null;
      }
      return of(sha256, vault.read(sha256), decoder);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A thumbnail of image bytes, or null when they do not decode. */
  static Thumbnail of(String sha256, byte[] bytes, ImageDecoder decoder) {
    try {
      BufferedImage img = decoder.decode(bytes).image();
      img = ExifOrientation.apply(img, ExifOrientation.read(bytes));
      BufferedImage small = shrink(img);
      return new Thumbnail(sha256, jpeg(small), small.getWidth(), small.getHeight());
    } catch (ImageDecodeException | IOException | RuntimeException e) {
      return null;
    } catch (OutOfMemoryError e) {
      return null;
    }
  }

  private static BufferedImage shrink(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    // Halve first so a big picture does not alias into noise at 160 px.
    BufferedImage cur = img;
    while (Math.max(w, h) > 2 * MAX_EDGE) {
      w = Math.max(1, w / 2);
      h = Math.max(1, h / 2);
      cur = draw(cur, w, h);
    }
    double scale = Math.min(1.0, (double) MAX_EDGE / Math.max(w, h));
    return draw(
        cur, Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale)));
  }

  private static BufferedImage draw(BufferedImage src, int w, int h) {
    // RGB without alpha: JPEG has none, and a transparent pixel must not turn black.
    BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = dst.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(src, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return dst;
  }

  private static byte[] jpeg(BufferedImage img) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(0.75f);
      writer.write(null, new IIOImage(img, null, null), p);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
