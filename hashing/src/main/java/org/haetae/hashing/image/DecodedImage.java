package org.haetae.hashing.image;

import java.awt.image.BufferedImage;

/** A decoded image with the format name its decoder reported (e.g. {@code jpeg}, {@code png}). */
public record DecodedImage(BufferedImage image, String format) {
  public int width() {
    return image.getWidth();
  }

  public int height() {
    return image.getHeight();
  }
}
