package org.haetae.demo.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.haetae.demo.pictures.SyntheticPictures;
import org.haetae.hashing.ImageHasher;
import org.haetae.hashing.pdq.Hash256;
import org.junit.jupiter.api.Test;

/**
 * How far PDQ follows each kind of edit at the default radius (31), measured on the demo's victim
 * pictures at full strength, not backed off as the demo generator does. The figures go to the
 * report of each build; the asserts hold the kinds PDQ is known to withstand.
 */
class EditRobustnessTest {
  static final int PICTURES = 30;
  static final int RADIUS = 31;

  @Test
  void matchRateByEdit() throws Exception {
    Map<String, Edit> edits = new LinkedHashMap<>();
    edits.put("exact", Edit.EXACT);
    edits.put("reencode_q60", new Edit(new int[4], 100, null, 0, 60));
    edits.put("reencode_q75", new Edit(new int[4], 100, null, 0, 75));
    edits.put("resize_50pct", new Edit(new int[4], 50, null, 0, Pictures.POSTED_QUALITY));
    edits.put("resize_80pct", new Edit(new int[4], 80, null, 0, Pictures.POSTED_QUALITY));
    edits.put(
        "overlay_text", new Edit(new int[4], 100, "@night_archive", 1, Pictures.POSTED_QUALITY));
    edits.put("overlay_bar", new Edit(new int[4], 100, "NO REUPLOAD", 2, Pictures.POSTED_QUALITY));
    for (int pct : new int[] {1, 2, 3, 5, 8, 10}) {
      edits.put(
          "crop_" + pct + "pct_one_side",
          new Edit(new int[] {pct * 10, 0, 0, 0}, 100, null, 0, Pictures.POSTED_QUALITY));
      int s = pct * 10;
      edits.put(
          "crop_" + pct + "pct_all_sides",
          new Edit(new int[] {s, s, s, s}, 100, null, 0, Pictures.POSTED_QUALITY));
    }
    ImageHasher hasher = new ImageHasher();
    Map<String, int[]> hits = new LinkedHashMap<>();
    for (int i = 0; i < PICTURES; i++) {
      BufferedImage original = Pictures.draw(Pictures.Kind.VICTIM, 9000 + i, 640, 480);
      Hash256 bank =
          hasher.hash(Path.of("original"), SyntheticPictures.lossless(original)).pdq().hash();
      for (Map.Entry<String, Edit> e : edits.entrySet()) {
        BufferedImage edited = e.getValue().apply(original);
        Hash256 h =
            hasher
                .hash(Path.of("edited.jpg"), SyntheticPictures.jpeg(edited, e.getValue().quality()))
                .pdq()
                .hash();
        int[] c = hits.computeIfAbsent(e.getKey(), k -> new int[2]);
        c[0] += h.distance(bank) <= RADIUS ? 1 : 0;
        c[1] += h.distance(bank);
      }
    }
    hits.forEach(
        (k, c) ->
            System.out.printf(
                Locale.ROOT,
                "pdq edit %-22s matched %2d of %d, mean distance %.1f%n",
                k,
                c[0],
                PICTURES,
                c[1] / (double) PICTURES));
    for (String k :
        new String[] {
          "exact",
          "reencode_q60",
          "reencode_q75",
          "resize_50pct",
          "resize_80pct",
          "overlay_text",
          "crop_1pct_one_side"
        }) {
      assertThat(hits.get(k)[0]).as(k).isGreaterThanOrEqualTo((int) Math.ceil(PICTURES * 0.95));
    }
  }
}
