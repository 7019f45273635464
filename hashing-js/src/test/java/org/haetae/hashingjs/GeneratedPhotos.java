package org.haetae.hashingjs;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.haetae.hashing.testdata.TestImages;

/**
 * Pictures drawn for the browser test, in the layouts where a browser and Java's decoders could
 * part ways: grey (Java brightens it), transparent pixels with colour (a canvas premultiplies),
 * palettes, 1x1 and very thin, EXIF orientation in a JPEG and in a PNG (browsers rotate, Java does
 * not), progressive JPEG, JPEGs with colour profiles, and 16-bit PNG (which the page must flag as
 * inexact, like a JPEG with a non-sRGB profile).
 */
final class GeneratedPhotos {
  /** What the browser must achieve for a picture. */
  enum Expect {
    IDENTICAL,
    FLAGGED_INEXACT
  }

  private GeneratedPhotos() {}

  static Map<Path, Expect> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<Path, Expect> out = new LinkedHashMap<>();
    BufferedImage rgb = TestImages.scene(640, 480, BufferedImage.TYPE_3BYTE_BGR, 1);
    BufferedImage grey = TestImages.scene(500, 375, BufferedImage.TYPE_BYTE_GRAY, 2);
    put(out, dir, "scene-rgb.png", png(rgb), Expect.IDENTICAL);
    put(out, dir, "scene-rgb.jpg", jpeg(rgb, false), Expect.IDENTICAL);
    put(out, dir, "scene-progressive.jpg", jpeg(rgb, true), Expect.IDENTICAL);
    put(out, dir, "scene-grey.png", png(grey), Expect.IDENTICAL);
    put(out, dir, "scene-grey.jpg", jpeg(grey, false), Expect.IDENTICAL);
    put(
        out,
        dir,
        "scene-indexed.png",
        png(TestImages.scene(333, 250, BufferedImage.TYPE_BYTE_INDEXED, 3)),
        Expect.IDENTICAL);
    put(out, dir, "noise-transparent.png", png(transparentNoise(300, 200, 4)), Expect.IDENTICAL);
    put(
        out,
        dir,
        "tiny-1x1.png",
        png(TestImages.noise(1, 1, BufferedImage.TYPE_3BYTE_BGR, 5)),
        Expect.IDENTICAL);
    put(
        out,
        dir,
        "thin-3x700.jpg",
        jpeg(TestImages.scene(3, 700, BufferedImage.TYPE_3BYTE_BGR, 6), false),
        Expect.IDENTICAL);
    // Flat and near-flat pictures: their DCT is rounding noise, so their hash shows any float
    // operation the browser computes differently (without StrictFloats, tiny-1x1 differs by 54).
    put(out, dir, "flat-100x80.png", png(flat(100, 80, 0x7b2d43)), Expect.IDENTICAL);
    put(out, dir, "gradient-257x64.png", png(gradient(257, 64)), Expect.IDENTICAL);
    put(
        out,
        dir,
        "noise-7x9.png",
        png(TestImages.noise(7, 9, BufferedImage.TYPE_3BYTE_BGR, 8)),
        Expect.IDENTICAL);
    BufferedImage portrait = TestImages.scene(400, 300, BufferedImage.TYPE_3BYTE_BGR, 7);
    put(
        out,
        dir,
        "exif-rotate-6.jpg",
        withExifOrientation(jpeg(portrait, false), 6),
        Expect.IDENTICAL);
    put(out, dir, "exif-rotate-8.png", withPngOrientation(png(portrait), 8), Expect.IDENTICAL);
    // Java's JPEG reader converts an embedded colour profile to sRGB (LCMS); the browser converts a
    // non-sRGB one too, but not to the very same numbers, and leaves an sRGB one alone, as Java's
    // conversion does in effect.
    byte[] sceneJpeg = jpeg(rgb, false);
    put(
        out,
        dir,
        "profile-srgb.jpg",
        withProfile(sceneJpeg, ICC_Profile.getInstance(ColorSpace.CS_sRGB)),
        Expect.IDENTICAL);
    put(
        out,
        dir,
        "profile-linear-rgb.jpg",
        withProfile(sceneJpeg, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB)),
        Expect.FLAGGED_INEXACT);
    put(out, dir, "scene-rgb16.png", png(sixteenBit(rgb)), Expect.FLAGGED_INEXACT);
    return out;
  }

  private static void put(Map<Path, Expect> out, Path dir, String name, byte[] b, Expect e)
      throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, b);
    out.put(p, e);
  }

  private static byte[] png(BufferedImage img) {
    return TestImages.encode(img, "png");
  }

  private static byte[] jpeg(BufferedImage img, boolean progressive) throws IOException {
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
    try {
      ImageWriteParam p = w.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(0.9f);
      if (progressive) {
        p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
        w.setOutput(out);
        w.write(null, new IIOImage(img, null, null), p);
      }
      return bytes.toByteArray();
    } finally {
      w.dispose();
    }
  }

  private static BufferedImage flat(int w, int h, int rgb) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    return img;
  }

  private static BufferedImage gradient(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = x * 255 / (w - 1);
        img.setRGB(x, y, v << 16 | (255 - v) << 8 | (y * 4));
      }
    }
    return img;
  }

  /** Random colours and alpha, a quarter of the pixels fully transparent but still coloured. */
  private static BufferedImage transparentNoise(int w, int h, long seed) {
    Random rnd = new Random(seed);
    BufferedImage img = TestImages.scene(w, h, BufferedImage.TYPE_INT_ARGB, seed);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int alpha = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(256);
        img.setRGB(x, y, (img.getRGB(x, y) & 0xffffff) | alpha << 24);
      }
    }
    return img;
  }

  /** The picture with 16 bits per sample: each 8-bit value times 257, give or take 128. */
  private static BufferedImage sixteenBit(BufferedImage src) {
    Random rnd = new Random(16);
    ComponentColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_USHORT);
    WritableRaster r = cm.createCompatibleWritableRaster(src.getWidth(), src.getHeight());
    for (int y = 0; y < src.getHeight(); y++) {
      for (int x = 0; x < src.getWidth(); x++) {
        int c = src.getRGB(x, y);
        int[] px = {(c >> 16 & 0xff) * 257, (c >> 8 & 0xff) * 257, (c & 0xff) * 257};
        for (int i = 0; i < 3; i++) {
          px[i] = Math.clamp(px[i] + rnd.nextInt(257) - 128, 0, 65535);
        }
        r.setPixel(x, y, px);
      }
    }
    return new BufferedImage(cm, r, false, null);
  }

  /** A TIFF block (little-endian) with one IFD0 entry: orientation. */
  private static byte[] tiffOrientation(int orientation) {
    ByteBuffer b = ByteBuffer.allocate(26).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    b.putShort((short) 1); // one entry
    b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    b.putShort((short) 0);
    b.putInt(0); // no next IFD
    return b.array();
  }

  /** The JPEG with an APP1 Exif segment carrying the orientation, right after SOI. */
  private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    byte[] tiff = tiffOrientation(orientation);
    byte[] head = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    int len = 2 + head.length + tiff.length;
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + len);
    out.put(jpeg, 0, 2);
    out.put((byte) 0xff).put((byte) 0xe1).putShort((short) len).put(head).put(tiff);
    out.put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  /** The JPEG with the profile in one APP2 ICC_PROFILE segment, right after SOI. */
  private static byte[] withProfile(byte[] jpeg, ICC_Profile profile) {
    byte[] icc = profile.getData();
    byte[] head = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    int len = 2 + head.length + 2 + icc.length;
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + len);
    out.put(jpeg, 0, 2);
    out.put((byte) 0xff).put((byte) 0xe2).putShort((short) len).put(head);
    out.put((byte) 1).put((byte) 1).put(icc); // chunk 1 of 1
    out.put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  /** The PNG with an eXIf chunk carrying the orientation, right after IHDR. */
  private static byte[] withPngOrientation(byte[] png, int orientation) {
    byte[] tiff = tiffOrientation(orientation);
    int afterIhdr = 8 + 12 + 13;
    ByteBuffer chunk = ByteBuffer.allocate(12 + tiff.length);
    chunk.putInt(tiff.length).put("eXIf".getBytes(StandardCharsets.ISO_8859_1)).put(tiff);
    CRC32 crc = new CRC32();
    crc.update(chunk.array(), 4, 4 + tiff.length);
    chunk.putInt((int) crc.getValue());
    ByteBuffer out = ByteBuffer.allocate(png.length + chunk.capacity());
    out.put(png, 0, afterIhdr).put(chunk.array()).put(png, afterIhdr, png.length - afterIhdr);
    return out.array();
  }
}
