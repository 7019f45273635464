package org.haetae.faces.search;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.haetae.faces.align.FaceAligner;
import org.haetae.faces.detect.Face;
import org.haetae.faces.detect.FaceDetector;
import org.haetae.faces.embed.FaceEmbedder;
import org.haetae.faces.embed.OnnxFaceEmbedder;
import org.haetae.faces.explicit.ExplicitScorer;
import org.haetae.faces.models.BundledModel;
import org.haetae.faces.runtime.OnnxModel;
import org.haetae.faces.runtime.Pixels;
import org.haetae.faces.runtime.Sampler;
import org.haetae.faces.synthetic.SyntheticDetector;

/**
 * Detect, align, embed and score one image. Thread-safe: the models are shared and each call works
 * on its own buffers, so a scan runs one call per core.
 */
public final class FaceEngine implements AutoCloseable {
  /**
   * @param maxFaces faces beyond this many (the most confident kept) are not embedded: a crowd shot
   *     would otherwise cost seconds
   * @param explicit score every image with the explicit-content classifier
   */
  public record Options(FaceDetector.Options detector, int maxFaces, boolean explicit) {
    public static Options defaults() {
      return new Options(FaceDetector.Options.defaults(), 16, true);
    }
  }

  private final List<AutoCloseable> owned;
  private final FaceDetector detector;
  private final FaceAligner aligner;
  private final FaceEmbedder embedder;
  private final ExplicitScorer scorer;
  private final SyntheticDetector synthetic;
  private final Options options;

  public FaceEngine(
      FaceDetector detector,
      FaceAligner aligner,
      FaceEmbedder embedder,
      ExplicitScorer scorer,
      SyntheticDetector synthetic,
      Options options,
      List<AutoCloseable> owned) {
    this.detector = detector;
    this.aligner = aligner;
    this.embedder = embedder;
    this.scorer = scorer;
    this.synthetic = synthetic;
    this.options = options;
    this.owned = List.copyOf(owned);
  }

  /** The models shipped with Haetae: BlazeFace, face-api's recognition net, nsfwjs. */
  public static FaceEngine bundled(Options options) {
    OnnxModel detect = load(BundledModel.BLAZEFACE_BACK_256);
    OnnxModel embed = load(BundledModel.FACE_API_RECOGNITION);
    OnnxModel nsfw = load(BundledModel.NSFWJS_MOBILENET_V2);
    return new FaceEngine(
        new FaceDetector(detect, options.detector()),
        FaceAligner.faceApi(),
        new OnnxFaceEmbedder(embed, 150, true),
        new ExplicitScorer(nsfw),
        null,
        options,
        List.of(detect, embed, nsfw));
  }

  private static OnnxModel load(BundledModel m) {
    return OnnxModel.load(m.bytes(), m.id());
  }

  public String embedderId() {
    return embedder.modelId();
  }

  public String detectorId() {
    return detector.modelId();
  }

  public String explicitId() {
    return scorer.modelId();
  }

  public ImageFaces analyse(BufferedImage image) {
    return analyse(new Sampler(Pixels.of(image)));
  }

  public ImageFaces analyse(Sampler image) {
    List<Face> faces = detector.detect(image);
    if (faces.size() > options.maxFaces()) {
      faces = faces.subList(0, options.maxFaces());
    }
    List<FoundFace> found = new ArrayList<>(faces.size());
    for (Face f : faces) {
      found.add(new FoundFace(f, embedder.embed(aligner.crop(image, f))));
    }
    return new ImageFaces(
        image.image().width(),
        image.image().height(),
        found,
        options.explicit() ? scorer.score(image) : null,
        synthetic == null ? null : synthetic.score(image));
  }

  /** The explicit-content scores alone. */
  public org.haetae.faces.explicit.ExplicitScores analyseExplicitOnly(Sampler image) {
    return scorer.score(image);
  }

  /** Detection only, for enrolment previews and tests. */
  public List<Face> detect(Sampler image) {
    return detector.detect(image);
  }

  public FaceAligner aligner() {
    return aligner;
  }

  public FaceEmbedder embedder() {
    return embedder;
  }

  @Override
  public void close() {
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close a model", e);
      }
    }
  }
}
