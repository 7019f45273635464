package org.haetae.demo.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EditTest {
  @Test
  void labelsNameEveryPartInAFixedOrder() {
    Edit e = new Edit(new int[] {0, 25, 0, 80}, 60, "v2", 0, 70);
    assertThat(e.label()).isEqualTo("crop_8pct+resize_60pct+overlay_text+reencode_q70");
    assertThat(Edit.EXACT.label()).isEqualTo("exact");
    assertThat(e.size(640, 480)).containsExactly(384, 258);
  }

  @Test
  void backingOffEndsAtTheExactPictureWithCropsGoingFirst() {
    Edit e = new Edit(new int[] {100, 100, 100, 100}, 50, "v2", 2, 60);
    List<String> steps = new ArrayList<>();
    for (Edit x = e; x != null; x = x.weaker()) {
      steps.add(x.label());
    }
    assertThat(steps.getLast()).isEqualTo("exact");
    assertThat(steps).hasSizeLessThan(20);
    int firstWithoutCrop = 0;
    while (steps.get(firstWithoutCrop).startsWith("crop")) {
      firstWithoutCrop++;
    }
    assertThat(steps.get(firstWithoutCrop)).isEqualTo("resize_50pct+overlay_text+reencode_q60");
  }

  @Test
  void repostsStayWithinTheDocumentedRanges() {
    Random r = new Random(3);
    for (int i = 0; i < 2_000; i++) {
      Edit e = Edit.repost(r);
      assertThat(e.scalePct()).isBetween(50, 100);
      assertThat(e.quality()).isBetween(60, Pictures.POSTED_QUALITY);
      for (int c : e.crop()) {
        assertThat(c).isBetween(0, 100);
      }
    }
  }
}
