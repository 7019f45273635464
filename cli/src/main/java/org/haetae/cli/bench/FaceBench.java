package org.haetae.cli.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.haetae.cli.UserInputException;
import org.haetae.faces.detect.Face;
import org.haetae.faces.evaluation.DemoPhotos;
import org.haetae.faces.evaluation.FaceEvaluation;
import org.haetae.faces.evaluation.Variants;
import org.haetae.faces.runtime.Pixels;
import org.haetae.faces.runtime.Sampler;
import org.haetae.faces.search.FaceEngine;
import org.haetae.faces.search.FaceMatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "faces",
    mixinStandardHelpOptions = true,
    description = {
      "Face search and explicit scoring on face-api's demo photos: true- and false-match rates at"
          + " thresholds over edited copies and synthetic face swaps; then images per second for"
          + " detect + embed + score, end to end from decoded images, on --threads threads, and"
          + " the cost of each model."
    })
public final class FaceBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--photos",
      paramLabel = "DIR",
      description =
          "A folder with sample1.jpg..sample6.jpg (default: face-api's demo photos, in the jar).")
  Path photos;

  @Option(
      names = "--threads",
      description = "Threads (default ${DEFAULT-VALUE}).",
      defaultValue = "2")
  int threads;

  @Option(
      names = "--rounds",
      description = "Passes over the speed workload (default ${DEFAULT-VALUE}).",
      defaultValue = "2")
  int rounds;

  @Override
  public Integer call() throws Exception {
    Figures fig = new Figures(spec.commandLine().getOut());
    List<BufferedImage> files;
    try {
      files = photos == null ? DemoPhotos.load() : DemoPhotos.load(photos);
    } catch (IllegalStateException e) {
      throw new UserInputException(e.getMessage() + " (or pass --photos DIR)");
    }
    try (FaceEngine engine = FaceEngine.bundled(FaceEngine.Options.defaults())) {
      accuracy(fig, engine, files);
      speed(fig, engine, files);
    }
    return 0;
  }

  private static void accuracy(Figures fig, FaceEngine engine, List<BufferedImage> files) {
    FaceEvaluation eval = new FaceEvaluation(engine, files).run();
    fig.print("faces.people", eval.people().size(), "people");
    fig.print("faces.probes", eval.comparisons().size(), "probe faces");
    for (double t : new double[] {0.4, 0.45, FaceMatcher.DEFAULT_THRESHOLD, 0.55, 0.6}) {
      FaceEvaluation.Rates r = eval.rates(t);
      String at = String.format(java.util.Locale.ROOT, "%.2f", t);
      fig.print("faces.true_match_rate@" + at, r.trueMatchRate(), "");
      fig.print("faces.false_match_rate@" + at, r.falseMatchRate(), "");
      fig.print("faces.deepfakes_within@" + at, r.deepfakesMatched(), "of " + r.deepfakes());
      fig.print(
          "faces.false_match_rate_counting_look_alikes@" + at,
          eval.ratesCountingLookAlikes(t).falseMatchRate(),
          "");
    }
    FaceEvaluation.Rates r = eval.rates(FaceMatcher.DEFAULT_THRESHOLD);
    fig.print("faces.deepfakes_ranked_first", r.deepfakesRankedFirst(), "of " + r.deepfakes());
    fig.print("faces.impostor_comparisons", r.impostor(), "");
  }

  private void speed(Figures fig, FaceEngine engine, List<BufferedImage> files) throws Exception {
    // The workload: the photos and their edits, decoded up front so the figure is the models'.
    List<BufferedImage> images = new ArrayList<>();
    for (BufferedImage img : files) {
      images.add(img);
      Face any = engine.detect(new Sampler(Pixels.of(img))).get(0);
      for (Variants.Variant v : Variants.of(any.box())) {
        images.add(v.image().apply(img));
      }
    }
    long pixels = images.stream().mapToLong(i -> (long) i.getWidth() * i.getHeight()).sum();
    fig.print("faces.workload_images", images.size(), "images");
    fig.print("faces.workload_mean_megapixels", pixels / 1e6 / images.size(), "MP");
    // Per model, one thread.
    double detect = 0;
    double embed = 0;
    double score = 0;
    int faces = 0;
    for (BufferedImage img : images) {
      Sampler s = new Sampler(Pixels.of(img));
      long t0 = System.nanoTime();
      List<Face> found = engine.detect(s);
      long t1 = System.nanoTime();
      for (Face f : found) {
        engine.embedder().embed(engine.aligner().crop(s, f));
      }
      long t2 = System.nanoTime();
      engine.analyseExplicitOnly(s);
      long t3 = System.nanoTime();
      detect += (t1 - t0) / 1e6;
      embed += (t2 - t1) / 1e6;
      score += (t3 - t2) / 1e6;
      faces += found.size();
    }
    fig.print("faces.detect_ms_per_image", detect / images.size(), "ms");
    fig.print("faces.embed_ms_per_face", embed / Math.max(1, faces), "ms");
    fig.print("faces.faces_per_image", (double) faces / images.size(), "faces");
    fig.print("faces.explicit_ms_per_image", score / images.size(), "ms");
    // End to end, all threads: pixels in, faces + descriptors + explicit scores out.
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        for (BufferedImage img : images) {
          done.add(pool.submit(() -> engine.analyse(new Sampler(Pixels.of(img)))));
        }
      }
      for (Future<?> f : done) {
        f.get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      fig.print("faces.end_to_end_threads", threads, "threads");
      fig.print("faces.end_to_end", rounds * images.size() / seconds, "images/s");
      // As a scan meets them: JPEG bytes, decoded with the scan's decoder, then the models.
      List<byte[]> jpegs = new ArrayList<>();
      for (BufferedImage img : images) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpg", bytes);
        jpegs.add(bytes.toByteArray());
      }
      org.haetae.hashing.image.ImageDecoder decoder = new org.haetae.hashing.image.ImageDecoder();
      done.clear();
      long t1 = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        for (byte[] jpeg : jpegs) {
          done.add(
              pool.submit(
                  () -> engine.analyse(new Sampler(Pixels.of(decoder.decode(jpeg).image())))));
        }
      }
      for (Future<?> f : done) {
        f.get();
      }
      double withDecode = (System.nanoTime() - t1) / 1e9;
      fig.print("faces.end_to_end_with_decode", rounds * jpegs.size() / withDecode, "images/s");
    } finally {
      pool.shutdownNow();
    }
  }
}
