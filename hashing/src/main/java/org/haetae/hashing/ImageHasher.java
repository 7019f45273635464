package org.haetae.hashing;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import org.haetae.hashing.digest.ContentDigests;
import org.haetae.hashing.image.DecodeLimits;
import org.haetae.hashing.image.DecodedImage;
import org.haetae.hashing.image.ExifOrientation;
import org.haetae.hashing.image.ImageDecodeException;
import org.haetae.hashing.image.ImageDecoder;
import org.haetae.hashing.pdq.DihedralHashes;
import org.haetae.hashing.pdq.PdqHash;
import org.haetae.hashing.pdq.PdqHasher;

/**
 * Reads an image file once and computes its PDQ, MD5 and SHA-256. Thread-safe; memory per call is
 * the file's bytes plus its decoded image.
 */
public final class ImageHasher {
  private final ImageDecoder decoder;
  private final Options options;
  private final PdqHasher pdq = new PdqHasher();

  /**
   * @param dihedral compute the eight rotation/flip hashes too
   * @param applyExifOrientation turn JPEGs upright by their EXIF tag before hashing (the reference
   *     does not, so the default is off)
   */
  public record Options(DecodeLimits limits, boolean dihedral, boolean applyExifOrientation) {
    public static final Options DEFAULT = new Options(DecodeLimits.DEFAULT, false, false);
  }

  public ImageHasher(Options options) {
    this.options = options;
    this.decoder = new ImageDecoder(options.limits());
  }

  public ImageHasher() {
    this(Options.DEFAULT);
  }

  public ImageHashes hash(Path file) throws ImageDecodeException {
    return hash(file, decoder.readFile(file));
  }

  /** Hashes bytes already in memory; {@code path} only labels the result. */
  public ImageHashes hash(Path path, byte[] bytes) throws ImageDecodeException {
    ContentDigests digests = ContentDigests.of(bytes);
    DecodedImage decoded = decoder.decode(bytes);
    BufferedImage img = decoded.image();
    int orientation = 1;
    if (options.applyExifOrientation()) {
      orientation = ExifOrientation.read(bytes);
      img = ExifOrientation.apply(img, orientation);
    }
    PdqHash hash;
    Optional<DihedralHashes> dihedral = Optional.empty();
    if (options.dihedral()) {
      DihedralHashes all = pdq.hashDihedral(img);
      dihedral = Optional.of(all);
      hash = all.original();
    } else {
      hash = pdq.hash(img);
    }
    return new ImageHashes(
        path,
        hash,
        dihedral,
        digests,
        decoded.format(),
        img.getWidth(),
        img.getHeight(),
        orientation);
  }
}
