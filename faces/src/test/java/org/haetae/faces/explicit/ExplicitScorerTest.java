package org.haetae.faces.explicit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.haetae.faces.evaluation.DemoPhotos;
import org.haetae.faces.models.BundledModel;
import org.haetae.faces.runtime.OnnxModel;
import org.haetae.faces.runtime.Pixels;
import org.haetae.faces.runtime.Sampler;
import org.junit.jupiter.api.Test;

class ExplicitScorerTest {
  @Test
  void scoresAreProbabilitiesAndOrdinaryPicturesAreNotExplicit() {
    try (OnnxModel m =
        OnnxModel.load(
            BundledModel.NSFWJS_MOBILENET_V2.bytes(), BundledModel.NSFWJS_MOBILENET_V2.id())) {
      ExplicitScorer scorer = new ExplicitScorer(m);
      BufferedImage shapes = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = shapes.createGraphics();
      g.setColor(new Color(40, 90, 160));
      g.fillRect(0, 0, 320, 240);
      g.setColor(Color.ORANGE);
      g.fillOval(60, 40, 120, 120);
      g.dispose();
      ExplicitScores s = scorer.score(new Sampler(Pixels.of(shapes)));
      assertThat(s.modelId()).isEqualTo("nsfwjs-4.4.0/mobilenet_v2");
      assertThat(s.drawing() + s.hentai() + s.neutral() + s.porn() + s.sexy())
          .isCloseTo(1.0, within(1e-4));
      assertThat(s.explicit()).isLessThan(0.2);
      // The demo's party photos: clothed people. The classifier errs on them: two of the six get
      // the top class porn (explicit 0.56 and 0.46; docs/faces.md), so the score orders review and
      // is never a finding. The bound below only catches a drift of the model or the resampling.
      for (BufferedImage photo : DemoPhotos.load()) {
        ExplicitScores p = scorer.score(new Sampler(Pixels.of(photo)));
        System.out.printf("demo photo: explicit %.3f, top %s%n", p.explicit(), p.top());
        assertThat(p.explicit()).isEqualTo(p.porn() + p.hentai()).isLessThan(0.6);
      }
    }
  }
}
