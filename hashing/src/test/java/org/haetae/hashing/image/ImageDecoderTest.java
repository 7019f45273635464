package org.haetae.hashing.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.haetae.hashing.pdq.PdqHasher;
import org.haetae.hashing.pdq.StraightPdq;
import org.haetae.hashing.testdata.ReferenceData;
import org.haetae.hashing.testdata.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderTest {
  private final ImageDecoder decoder = new ImageDecoder();

  @Test
  void refusesADecompressionBombBeforeAllocatingPixels() {
    byte[] bomb = png(50_000, 50_000, 2, new byte[0]);
    long before = usedHeap();
    assertThatThrownBy(() -> decoder.decode(bomb))
        .isInstanceOf(ImageDecodeException.class)
        .satisfies(e -> assertFailure(e, DecodeFailure.TOO_LARGE))
        .hasMessageContaining("50000x50000");
    // 2.5 gigapixels would need gigabytes; nothing of the sort was allocated.
    assertThat(usedHeap() - before).isLessThan(64L * 1024 * 1024);
  }

  @Test
  void refusesARealZlibBombByItsDeclaredSize() throws Exception {
    // 12,000 x 12,000 grey zeros deflate to a few hundred kilobytes.
    int w = 12_000;
    int h = 12_000;
    Deflater deflater = new Deflater(9);
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    byte[] row = new byte[w + 1];
    byte[] buf = new byte[1 << 16];
    for (int y = 0; y < h; y++) {
      deflater.setInput(row);
      while (!deflater.needsInput()) {
        z.write(buf, 0, deflater.deflate(buf));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      z.write(buf, 0, deflater.deflate(buf));
    }
    byte[] bomb = png(w, h, 0, z.toByteArray());
    assertThat(bomb.length).isLessThan(1_000_000);
    ImageDecoder strict = new ImageDecoder(new DecodeLimits(100_000_000L, 1L << 20));
    assertThatThrownBy(() -> strict.decode(bomb))
        .satisfies(e -> assertFailure(e, DecodeFailure.TOO_LARGE));
  }

  @Test
  void truncatedJpegIsAnErrorNotHalfAPicture() {
    byte[] jpeg =
        TestImages.encode(TestImages.scene(640, 480, BufferedImage.TYPE_3BYTE_BGR, 1), "jpg");
    byte[] cut = Arrays.copyOf(jpeg, jpeg.length * 6 / 10);
    assertThatThrownBy(() -> decoder.decode(cut))
        .isInstanceOf(ImageDecodeException.class)
        .satisfies(
            e ->
                assertThat(((ImageDecodeException) e).failure())
                    .isIn(DecodeFailure.TRUNCATED, DecodeFailure.CORRUPT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "gif", "bmp", "tiff"})
  void truncatedLosslessFilesAreErrors(String format) {
    byte[] full =
        TestImages.encode(TestImages.noise(300, 200, BufferedImage.TYPE_3BYTE_BGR, 2), format);
    byte[] cut = Arrays.copyOf(full, full.length / 2);
    assertThatThrownBy(() -> decoder.decode(cut)).isInstanceOf(ImageDecodeException.class);
  }

  @Test
  void emptyTextAndRandomBytesAreNamedAsSuch() {
    assertThatThrownBy(() -> decoder.decode(new byte[0]))
        .satisfies(e -> assertFailure(e, DecodeFailure.EMPTY));
    byte[] text = "just some notes, not a picture\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> decoder.decode(text))
        .satisfies(e -> assertFailure(e, DecodeFailure.NOT_AN_IMAGE));
    byte[] noise = new byte[4096];
    new Random(1).nextBytes(noise);
    assertThatThrownBy(() -> decoder.decode(noise))
        .satisfies(e -> assertFailure(e, DecodeFailure.NOT_AN_IMAGE));
  }

  @Test
  void corruptedBytesInsideAValidFileNeverEscapeAsAnythingButADecodeError() {
    byte[] png =
        TestImages.encode(TestImages.scene(200, 150, BufferedImage.TYPE_3BYTE_BGR, 3), "png");
    byte[] jpeg =
        TestImages.encode(TestImages.scene(200, 150, BufferedImage.TYPE_3BYTE_BGR, 3), "jpg");
    Random rnd = new Random(11);
    for (byte[] original : new byte[][] {png, jpeg}) {
      for (int i = 0; i < 150; i++) {
        byte[] damaged = original.clone();
        for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
          damaged[rnd.nextInt(damaged.length)] = (byte) rnd.nextInt(256);
        }
        try {
          DecodedImage d = decoder.decode(damaged);
          assertThat(new PdqHasher().hash(d.image()).quality()).isBetween(0, 100);
        } catch (ImageDecodeException e) {
          assertThat(e.getMessage()).isNotBlank();
        }
      }
    }
  }

  @Test
  void missingFilesFoldersAndOversizedFilesAreReported(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> decoder.decode(dir.resolve("nope.jpg")))
        .satisfies(e -> assertFailure(e, DecodeFailure.UNREADABLE))
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> decoder.decode(dir))
        .satisfies(e -> assertFailure(e, DecodeFailure.UNREADABLE));
    Path big = dir.resolve("big.png");
    Files.write(
        big, TestImages.encode(TestImages.noise(100, 100, BufferedImage.TYPE_INT_RGB, 1), "png"));
    ImageDecoder small = new ImageDecoder(new DecodeLimits(1_000_000, 1_000));
    assertThatThrownBy(() -> small.decode(big))
        .satisfies(e -> assertFailure(e, DecodeFailure.TOO_LARGE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "bmp", "tiff"})
  void losslessFormatsDecodeToTheSamePixels(String format) throws Exception {
    BufferedImage img = TestImages.scene(257, 129, BufferedImage.TYPE_3BYTE_BGR, 4);
    DecodedImage d = decoder.decode(TestImages.encode(img, format));
    assertThat(d.width()).isEqualTo(257);
    assertThat(d.height()).isEqualTo(129);
    assertThat(new PdqHasher().hash(d.image())).isEqualTo(StraightPdq.hash(img));
  }

  @Test
  void pngVariantsDecode() throws Exception {
    for (int type :
        new int[] {
          BufferedImage.TYPE_USHORT_GRAY,
          BufferedImage.TYPE_BYTE_INDEXED,
          BufferedImage.TYPE_INT_ARGB,
          BufferedImage.TYPE_BYTE_GRAY,
          BufferedImage.TYPE_BYTE_BINARY
        }) {
      BufferedImage img = TestImages.scene(150, 100, type, type);
      DecodedImage d = decoder.decode(TestImages.encode(img, "png"));
      assertThat(d.format()).isEqualTo("png");
      assertThat(new PdqHasher().hash(d.image())).isEqualTo(StraightPdq.hash(img));
    }
  }

  @Test
  void animatedGifYieldsItsFirstFrame() throws Exception {
    BufferedImage first = TestImages.scene(120, 90, BufferedImage.TYPE_BYTE_INDEXED, 1);
    BufferedImage second = TestImages.scene(120, 90, BufferedImage.TYPE_BYTE_INDEXED, 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.prepareWriteSequence(null);
      writer.writeToSequence(new IIOImage(first, null, null), null);
      writer.writeToSequence(new IIOImage(second, null, null), null);
      writer.endWriteSequence();
    }
    DecodedImage d = decoder.decode(out.toByteArray());
    assertThat(d.format()).isEqualTo("gif");
    assertThat(new PdqHasher().hash(d.image())).isEqualTo(StraightPdq.hash(first));
  }

  @Test
  void webpAndCmykFromTheReferenceSetDecode() throws Exception {
    Path modes = ReferenceData.require("pdq/misc-images/modes");
    DecodedImage webp = decoder.decode(modes.resolve("F.webp"));
    assertThat(webp.format()).isEqualTo("webp");
    assertThat(webp.width()).isEqualTo(1600);
    DecodedImage cmyk = decoder.decode(modes.resolve("CMYK.jpg"));
    assertThat(cmyk.height()).isEqualTo(1004);
  }

  @Test
  void exifOrientationTagIsReadFromRealPhoneJpegs() throws Exception {
    Path dir = ReferenceData.require("pdq/reg-test-input/exif-rotn");
    for (int o : new int[] {1, 3, 6, 8}) {
      byte[] bytes = Files.readAllBytes(dir.resolve("exif-rotn-" + o + ".jpg"));
      assertThat(ExifOrientation.read(bytes)).isEqualTo(o);
    }
    byte[] plain =
        TestImages.encode(TestImages.scene(50, 40, BufferedImage.TYPE_3BYTE_BGR, 1), "jpg");
    assertThat(ExifOrientation.read(plain)).isEqualTo(1);
    assertThat(ExifOrientation.read("not a jpeg".getBytes(StandardCharsets.US_ASCII))).isEqualTo(1);
  }

  @Test
  void everyOrientationIsUndoneExactly() {
    int w = 7;
    int h = 5;
    BufferedImage upright = TestImages.noise(w, h, BufferedImage.TYPE_INT_RGB, 3);
    for (int o = 1; o <= 8; o++) {
      boolean swap = o >= 5;
      BufferedImage stored =
          new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < stored.getHeight(); y++) {
        for (int x = 0; x < stored.getWidth(); x++) {
          // How a camera stores an upright scene for each tag value (EXIF 2.3, tag 0x0112).
          int[] src =
              switch (o) {
                case 1 -> new int[] {x, y};
                case 2 -> new int[] {w - 1 - x, y};
                case 3 -> new int[] {w - 1 - x, h - 1 - y};
                case 4 -> new int[] {x, h - 1 - y};
                case 5 -> new int[] {y, x};
                case 6 -> new int[] {w - 1 - y, x};
                case 7 -> new int[] {w - 1 - y, h - 1 - x};
                default -> new int[] {y, h - 1 - x};
              };
          stored.setRGB(x, y, upright.getRGB(src[0], src[1]));
        }
      }
      BufferedImage turned = ExifOrientation.apply(stored, o);
      assertThat(turned.getWidth()).as("orientation %d", o).isEqualTo(w);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          assertThat(turned.getRGB(x, y))
              .as("orientation %d at %d,%d", o, x, y)
              .isEqualTo(upright.getRGB(x, y));
        }
      }
    }
  }

  private static void assertFailure(Throwable e, DecodeFailure expected) {
    assertThat(e).isInstanceOf(ImageDecodeException.class);
    assertThat(((ImageDecodeException) e).failure()).isEqualTo(expected);
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** A PNG with the given header and IDAT payload (colour type 0 grey, 2 RGB; 8-bit). */
  private static byte[] png(int w, int h, int colourType, byte[] idat) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream d = new DataOutputStream(ihdr);
      d.writeInt(w);
      d.writeInt(h);
      d.writeByte(8);
      d.writeByte(colourType);
      d.writeByte(0);
      d.writeByte(0);
      d.writeByte(0);
      chunk(out, "IHDR", ihdr.toByteArray());
      chunk(out, "IDAT", idat);
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(data.length);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    d.write(t);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
