package org.haetae.pipeline.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.haetae.evidence.custody.CustodyEvent;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.evidence.custody.CustodyLog;
import org.haetae.evidence.vault.Vault;
import org.haetae.faces.explicit.ExplicitScores;
import org.haetae.faces.runtime.Pixels;
import org.haetae.faces.runtime.Sampler;
import org.haetae.faces.search.FaceHit;
import org.haetae.faces.search.FaceMatcher;
import org.haetae.faces.search.ImageFaces;
import org.haetae.hashing.image.DecodedImage;
import org.haetae.hashing.image.ExifOrientation;
import org.haetae.hashing.image.ImageDecodeException;
import org.haetae.hashing.image.ImageDecoder;
import org.haetae.pipeline.progress.ProgressSink;

/**
 * The scan's face stage: every stored image is searched for enrolled faces and scored for explicit
 * content. Each image's result is one {@code faces} entry in the custody log (models, face boxes,
 * class scores, candidates within the threshold), so a killed scan resumes where it stopped and a
 * court can see what the models said. Descriptors of faces in the evidence are not written
 * anywhere: they are biometric data of people who never enrolled.
 */
final class CaseFaces {
  private final FaceScan scan;
  private final Vault vault;
  private final int threads;
  private final ImageDecoder decoder = new ImageDecoder();

  CaseFaces(FaceScan scan, Vault vault, int threads) {
    this.scan = scan;
    this.vault = vault;
    this.threads = Math.max(1, threads);
  }

  /**
   * Looks at every image of {@code media} not already looked at with the same fingerprint, logs
   * each result, and hands all results (old and new) to {@code media}.
   *
   * @return images looked at in this run
   */
  int run(CaseMedia media, CustodyLog log, ProgressSink progress)
      throws IOException, CustodyException {
    String fingerprint = scan.fingerprint();
    FaceMatcher matcher = new FaceMatcher(scan.banks(), scan.threshold());
    List<String> todo = new ArrayList<>();
    for (String sha : media.images()) {
      CustodyEvent.FaceOutcome done = media.faceEntry(sha);
      if (done == null || !fingerprint.equals(done.fingerprint())) {
        todo.add(sha);
      }
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().factory());
    try (ProgressSink.Task p = progress.start("faces", media.images().size())) {
      p.advance(media.images().size() - todo.size());
      CompletionService<CustodyEvent.FaceOutcome> done = new ExecutorCompletionService<>(pool);
      int submitted = 0;
      int finished = 0;
      // Bounded in flight: decoded photos are large.
      int window = threads * 2;
      while (finished < todo.size()) {
        while (submitted < todo.size() && submitted - finished < window) {
          String sha = todo.get(submitted++);
          done.submit(() -> look(sha, fingerprint, matcher));
        }
        CustodyEvent.FaceOutcome o = take(done);
        finished++;
        log.append(o);
        media.faceEntry(o);
        p.advance(1);
      }
    } finally {
      pool.shutdownNow();
    }
    return todo.size();
  }

  private static CustodyEvent.FaceOutcome take(CompletionService<CustodyEvent.FaceOutcome> done)
      throws IOException {
    try {
      return done.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("face stage interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private CustodyEvent.FaceOutcome look(String sha, String fingerprint, FaceMatcher matcher)
      throws IOException {
    ImageFaces seen;
    try {
      byte[] bytes = vault.read(sha);
      DecodedImage d = decoder.decode(bytes);
      seen =
          scan.engine()
              .analyse(
                  new Sampler(
                      Pixels.of(ExifOrientation.apply(d.image(), ExifOrientation.read(bytes)))));
    } catch (ImageDecodeException | RuntimeException e) {
      // A file that hashed but will not go through the models is reported, not fatal.
      return new CustodyEvent.FacesFailed(
          sha,
          fingerprint,
          e instanceof ImageDecodeException ? e.getMessage() : e.getClass().getSimpleName());
    }
    List<CustodyEvent.FaceBox> boxes = new ArrayList<>();
    seen.faces().forEach(ff -> boxes.add(box(ff.face().box(), ff.face().score())));
    ExplicitScores x = seen.explicit();
    CustodyEvent.ExplicitScores explicit = null;
    if (x != null) {
      Map<String, Double> classes = new LinkedHashMap<>();
      classes.put("drawing", x.drawing());
      classes.put("hentai", x.hentai());
      classes.put("neutral", x.neutral());
      classes.put("porn", x.porn());
      classes.put("sexy", x.sexy());
      explicit = new CustodyEvent.ExplicitScores(x.modelId(), classes, x.explicit());
    }
    List<CustodyEvent.FaceHit> hits = new ArrayList<>();
    for (FaceHit h : matcher.match(seen)) {
      hits.add(
          new CustodyEvent.FaceHit(
              h.bank(), h.personId(), h.distance(), h.similarity(), h.rank(), box(h.box(), null)));
    }
    return new CustodyEvent.Faces(
        sha,
        fingerprint,
        scan.engine().detectorId(),
        scan.engine().embedderId(),
        seen.width(),
        seen.height(),
        boxes,
        explicit,
        seen.synthetic(),
        hits);
  }

  private static CustodyEvent.FaceBox box(org.haetae.faces.detect.Face.Box b, Double score) {
    return new CustodyEvent.FaceBox(
        Math.round(b.x()),
        Math.round(b.y()),
        Math.round(b.width()),
        Math.round(b.height()),
        score == null ? null : Math.round(score * 1000) / 1000.0);
  }
}
