package org.haetae.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

public class MediaViewsTest {
  /** Mean absolute difference between horizontal neighbours (blue channel). */
  public static double detail(BufferedImage img) {
    long sum = 0;
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 1; x < img.getWidth(); x++) {
        sum += Math.abs((img.getRGB(x, y) & 0xff) - (img.getRGB(x - 1, y) & 0xff));
        n++;
      }
    }
    return (double) sum / n;
  }

  @Test
  void blurKeepsTheSizeAndRemovesDetail() {
    BufferedImage sharp = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 480; y++) {
      for (int x = 0; x < 640; x++) {
        sharp.setRGB(x, y, ((x / 4 + y / 4) % 2 == 0) ? 0xffffff : 0x000000);
      }
    }
    BufferedImage blurred = MediaViews.blur(sharp);
    assertThat(blurred.getWidth()).isEqualTo(640);
    assertThat(blurred.getHeight()).isEqualTo(480);
    assertThat(detail(sharp)).isGreaterThan(60);
    assertThat(detail(blurred)).isLessThan(3);
  }
}
