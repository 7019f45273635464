package org.haetae.cli.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.haetae.cli.UserInputException;
import org.haetae.cli.parallel.OrderedParallel;
import org.haetae.demo.pictures.SyntheticPictures;
import org.haetae.hashing.ImageHasher;
import org.haetae.hashing.image.DecodedImage;
import org.haetae.hashing.image.ImageDecodeException;
import org.haetae.hashing.image.ImageDecoder;
import org.haetae.hashing.pdq.PdqHasher;
import org.haetae.hashing.pdq.StraightPdq;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    description = {
      "PDQ speed: the kernel alone (luminance to hash) on decoded 1-megapixel images, against a"
          + " straight transcription of the algorithm; then decode + hash per file on a folder of"
          + " JPEGs (generated unless --dir is given)."
    })
public final class HashBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Folder of JPEGs for the end-to-end run.")
  Path dir;

  @Option(
      names = "--files",
      description = "Generated JPEGs (default ${DEFAULT-VALUE}).",
      defaultValue = "200")
  int files;

  @Option(
      names = "--seconds",
      description = "Time per kernel measurement (default ${DEFAULT-VALUE}).",
      defaultValue = "5")
  double seconds;

  @Override
  public Integer call() throws Exception {
    Figures fig = new Figures(spec.commandLine().getOut());
    kernel(fig);
    endToEnd(fig);
    return 0;
  }

  private void kernel(Figures fig) {
    BufferedImage img = SyntheticPictures.picture(1024, 1024, 7);
    double mp = 1024 * 1024 / 1e6;
    PdqHasher fast = new PdqHasher();
    double[] fastMs = time(() -> fast.hash(img), seconds);
    double[] straightMs = time(() -> StraightPdq.hash(img), seconds);
    double fastMedian = Figures.quantile(fastMs, 0.5) / mp;
    double straightMedian = Figures.quantile(straightMs, 0.5) / mp;
    fig.print("pdq.kernel.median", fastMedian, "ms/megapixel");
    fig.print("pdq.kernel.p90", Figures.quantile(fastMs, 0.9) / mp, "ms/megapixel");
    fig.print("pdq.straight.median", straightMedian, "ms/megapixel");
    fig.print("pdq.kernel.speedup", straightMedian / fastMedian, "x");
  }

  private void endToEnd(Figures fig) throws IOException {
    Path folder = dir;
    Path generated = null;
    if (folder == null) {
      generated = Files.createTempDirectory("haetae-bench-jpegs");
      folder = generated;
      for (int i = 0; i < files; i++) {
        ImageIO.write(
            SyntheticPictures.picture(1024, 1024, i), "jpg", folder.resolve(i + ".jpg").toFile());
      }
    }
    try {
      List<Path> jpegs;
      try (Stream<Path> s = Files.list(folder)) {
        jpegs =
            s.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
      }
      if (jpegs.isEmpty()) {
        throw new UserInputException(folder + ": no files to hash");
      }
      // Single thread, split into decode and hash, to show which one costs more.
      ImageDecoder decoder = new ImageDecoder();
      PdqHasher pdq = new PdqHasher();
      List<Double> decodeMs = new ArrayList<>();
      List<Double> hashMs = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        decodeMs.clear();
        hashMs.clear();
        for (Path p : jpegs) {
          byte[] bytes = Files.readAllBytes(p);
          long t0 = System.nanoTime();
          DecodedImage d;
          try {
            d = decoder.decode(bytes);
          } catch (ImageDecodeException e) {
            continue;
          }
          long t1 = System.nanoTime();
          pdq.hash(d.image());
          long t2 = System.nanoTime();
          decodeMs.add((t1 - t0) / 1e6);
          hashMs.add((t2 - t1) / 1e6);
        }
      }
      double[] dec = decodeMs.stream().mapToDouble(Double::doubleValue).toArray();
      double[] hsh = hashMs.stream().mapToDouble(Double::doubleValue).toArray();
      fig.print("e2e.decode.median", Figures.quantile(dec, 0.5), "ms/file");
      fig.print("e2e.hash.median", Figures.quantile(hsh, 0.5), "ms/file");
      fig.print("e2e.hash_share", 100 * sum(hsh) / (sum(hsh) + sum(dec)), "percent");
      // All cores, through the same path the hash command uses (read, digests, decode, PDQ).
      int threads = Runtime.getRuntime().availableProcessors();
      ThreadLocal<ImageHasher> hashers = ThreadLocal.withInitial(ImageHasher::new);
      long t0 = System.nanoTime();
      OrderedParallel.run(
          jpegs,
          threads,
          p -> {
            try {
              return hashers.get().hash(p);
            } catch (ImageDecodeException e) {
              return null;
            }
          },
          r -> {});
      double secs = (System.nanoTime() - t0) / 1e9;
      fig.print("e2e.files_per_second", jpegs.size() / secs, "files/s(" + threads + " threads)");
    } finally {
      if (generated != null) {
        try (Stream<Path> s = Files.list(generated)) {
          for (Path p : s.toList()) {
            Files.deleteIfExists(p);
          }
        }
        Files.deleteIfExists(generated);
      }
    }
  }

  private static double sum(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s;
  }

  /** Runs {@code task} for a warm-up then for {@code secs}; returns per-call milliseconds. */
  private static double[] time(Runnable task, double secs) {
    long warmEnd = System.nanoTime() + (long) (secs * 0.4e9);
    while (System.nanoTime() < warmEnd) {
      task.run();
    }
    List<Double> ms = new ArrayList<>();
    long end = System.nanoTime() + (long) (secs * 1e9);
    while (System.nanoTime() < end || ms.size() < 5) {
      long t0 = System.nanoTime();
      task.run();
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    return ms.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
