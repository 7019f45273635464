package org.haetae.hashing.image;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes image files defensively, one file's failure never being more than that file's error.
 *
 * <p>The JDK's own decoders are tried first, so that every file the PDQ reference can read decodes
 * to exactly the pixels the reference saw; the TwelveMonkeys plugins (CMYK/YCCK JPEG, WebP, more
 * TIFF and BMP variants) take over where the JDK gives up. Declared dimensions are checked before
 * any pixel is allocated, and decoder warnings (a JPEG that ends early, say) count as failures
 * rather than silently yielding half a picture.
 */
public final class ImageDecoder {
  static {
    // Decoding from memory; a disk cache would only leave evidence fragments in the temp folder.
    ImageIO.setUseCache(false);
  }

  private final DecodeLimits limits;

  public ImageDecoder(DecodeLimits limits) {
    this.limits = limits;
  }

  public ImageDecoder() {
    this(DecodeLimits.DEFAULT);
  }

  public DecodeLimits limits() {
    return limits;
  }

  /** Reads a whole file within the size limit. */
  public byte[] readFile(Path file) throws ImageDecodeException {
    try {
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        throw new ImageDecodeException(
            DecodeFailure.TOO_LARGE, "file is " + size + " bytes, limit " + limits.maxFileBytes());
      }
      if (!Files.isRegularFile(file)) {
        throw new ImageDecodeException(DecodeFailure.UNREADABLE, "not a regular file");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ImageDecodeException(DecodeFailure.UNREADABLE, "no such file", e);
    } catch (AccessDeniedException e) {
      throw new ImageDecodeException(DecodeFailure.UNREADABLE, "permission denied", e);
    } catch (IOException e) {
      throw new ImageDecodeException(DecodeFailure.UNREADABLE, describe(e), e);
    }
  }

  public DecodedImage decode(Path file) throws ImageDecodeException {
    return decode(readFile(file));
  }

  /** Decodes the first image (first frame, first page) in {@code bytes}. */
  public DecodedImage decode(byte[] bytes) throws ImageDecodeException {
    if (bytes.length == 0) {
      throw new ImageDecodeException(DecodeFailure.EMPTY, null);
    }
    List<ImageReader> readers = readersFor(bytes);
    if (readers.isEmpty()) {
      throw new ImageDecodeException(DecodeFailure.NOT_AN_IMAGE, null);
    }
    ImageDecodeException first = null;
    try {
      for (ImageReader reader : readers) {
        try {
          return decodeWith(reader, bytes);
        } catch (ImageDecodeException e) {
          if (e.failure() == DecodeFailure.TOO_LARGE) {
            throw e;
          }
          if (first == null) {
            first = e;
          }
        }
      }
    } finally {
      readers.forEach(ImageReader::dispose);
    }
    throw first;
  }

  private DecodedImage decodeWith(ImageReader reader, byte[] bytes) throws ImageDecodeException {
    List<String> warnings = new ArrayList<>();
    IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
    try (ImageInputStream in = stream(bytes)) {
      reader.setInput(in, true, true);
      int w = reader.getWidth(0);
      int h = reader.getHeight(0);
      if (w <= 0 || h <= 0) {
        throw new ImageDecodeException(
            DecodeFailure.CORRUPT, "declares " + w + "x" + h + " pixels");
      }
      if ((long) w * h > limits.maxPixels()) {
        throw new ImageDecodeException(
            DecodeFailure.TOO_LARGE,
            "declares "
                + w
                + "x"
                + h
                + " pixels, limit "
                + limits.maxPixels()
                + " (a decompression bomb, or raise --max-pixels)");
      }
      reader.addIIOReadWarningListener(listener);
      BufferedImage img = reader.read(0, reader.getDefaultReadParam());
      if (!warnings.isEmpty()) {
        String warning = warnings.get(0);
        boolean early = warning.toLowerCase(Locale.ROOT).contains("premature end");
        throw new ImageDecodeException(
            early ? DecodeFailure.TRUNCATED : DecodeFailure.CORRUPT, warning);
      }
      if (img == null) {
        throw new ImageDecodeException(DecodeFailure.CORRUPT, "decoder returned no image");
      }
      return new DecodedImage(img, reader.getFormatName().toLowerCase(Locale.ROOT));
    } catch (ImageDecodeException e) {
      throw e;
    } catch (OutOfMemoryError e) {
      throw new ImageDecodeException(DecodeFailure.TOO_LARGE, "ran out of memory decoding it");
    } catch (IOException | RuntimeException e) {
      throw classify(e);
    } finally {
      reader.removeAllIIOReadWarningListeners();
    }
  }

  private static ImageDecodeException classify(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException) {
        return new ImageDecodeException(DecodeFailure.TRUNCATED, "data ends early", e);
      }
    }
    String msg = describe(e);
    if (msg.toLowerCase(Locale.ROOT).contains("unsupported")) {
      return new ImageDecodeException(DecodeFailure.UNSUPPORTED, msg, e);
    }
    return new ImageDecodeException(DecodeFailure.CORRUPT, msg, e);
  }

  private static String describe(Exception e) {
    String msg = e.getMessage();
    if (msg == null || msg.isBlank()) {
      return e.getClass().getSimpleName();
    }
    // Decoder messages are short technical phrases; keep them on one line.
    return msg.replaceAll("\\s+", " ").strip();
  }

  private static ImageInputStream stream(byte[] bytes) {
    return new MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(bytes));
  }

  /** Readers that claim the bytes, the JDK's own first. */
  private static List<ImageReader> readersFor(byte[] bytes) {
    List<ImageReader> readers = new ArrayList<>();
    try (ImageInputStream in = stream(bytes)) {
      Iterator<ImageReader> it = ImageIO.getImageReaders(in);
      while (it.hasNext()) {
        readers.add(it.next());
      }
    } catch (IOException | RuntimeException e) {
      // A reader whose format sniffing itself fails is no candidate; the others still are.
    }
    readers.sort(Comparator.comparingInt(r -> isJdkReader(r) ? 0 : 1));
    return readers;
  }

  private static boolean isJdkReader(ImageReader r) {
    return r.getClass().getName().startsWith("com.sun.imageio.");
  }
}
