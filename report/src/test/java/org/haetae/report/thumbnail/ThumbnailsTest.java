package org.haetae.report.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.haetae.evidence.vault.Vault;
import org.haetae.hashing.image.ImageDecoder;
import org.haetae.report.CaseFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailsTest {
  @TempDir Path dir;

  @Test
  void matchedImagesFromTheVaultSmallAndDecodable() throws Exception {
    CaseFixture.Built c = CaseFixture.build(dir);
    Vault vault = new Vault(c.folder().evidence(), c.key(), false);
    Map<String, Thumbnail> t = Thumbnails.ofMatched(c.analysis(), vault, 10);
    // Two matched pictures; the corrupt matched blob gets none, the unmatched picture is left out.
    assertThat(t).containsOnlyKeys(c.images().get(0), c.images().get(1));
    for (Thumbnail th : t.values()) {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(th.jpeg()));
      assertThat(img.getWidth()).isEqualTo(th.width()).isLessThanOrEqualTo(Thumbnails.MAX_EDGE);
      assertThat(img.getHeight()).isEqualTo(th.height()).isLessThanOrEqualTo(Thumbnails.MAX_EDGE);
      assertThat(Math.max(img.getWidth(), img.getHeight())).isEqualTo(Thumbnails.MAX_EDGE);
      assertThat(th.jpeg().length).isLessThan(20_000);
    }
    assertThat(Thumbnails.ofMatched(c.analysis(), vault, 1)).containsOnlyKeys(c.images().get(0));
  }

  @Test
  void aBlobThatIsMissingOrWrongGetsNone() throws Exception {
    CaseFixture.Built c = CaseFixture.build(dir);
    Vault vault = new Vault(c.folder().evidence(), c.key(), false);
    ImageDecoder decoder = new ImageDecoder();
    assertThat(Thumbnails.read(vault, c.corrupt(), decoder)).isNull();
    assertThat(Thumbnails.read(vault, "9".repeat(64), decoder)).isNull();
    Vault wrongKey =
        new Vault(c.folder().evidence(), org.haetae.evidence.keys.VaultKey.of(new byte[32]), false);
    assertThat(Thumbnails.read(wrongKey, c.images().get(0), decoder)).isNull();
    assertThat(Thumbnails.read(vault, c.images().get(0), decoder)).isNotNull();
  }

  @Test
  void transparentPixelsTurnWhiteNotBlack() {
    Thumbnail t = Thumbnails.of("x", CaseFixture.png(300, 200, 3), new ImageDecoder());
    assertThat(t.width()).isEqualTo(160);
    assertThat(t.height()).isEqualTo(107);
    Thumbnail tiny = Thumbnails.of("y", CaseFixture.png(40, 20, 3), new ImageDecoder());
    assertThat(tiny.width()).as("small pictures are not blown up").isEqualTo(40);
  }
}
