package org.haetae.server.scans;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.faces.bank.FaceBank;
import org.haetae.faces.search.FaceEngine;
import org.haetae.faces.search.FaceMatcher;
import org.haetae.matching.bank.BankInfo;
import org.haetae.matching.match.Matcher;
import org.haetae.matching.store.FileBankStore;
import org.haetae.pipeline.InputException;
import org.haetae.pipeline.keys.Keys;
import org.haetae.pipeline.progress.ProgressSink;
import org.haetae.pipeline.scan.FaceScan;
import org.haetae.pipeline.scan.Scan;
import org.haetae.server.portal.FaceTemplates;
import org.haetae.server.portal.ReuploadMonitor;
import org.haetae.server.storage.AuditLog;
import org.haetae.server.storage.CaseImport;
import org.haetae.server.storage.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Scans started from the service: one at a time (a scan uses every core), each into its own case
 * folder under the data folder, its progress readable while it runs, its result stored as a case
 * assigned to whoever started it. Exports are read only from the import folder, so a request can
 * never make the server read (and store as evidence) files from anywhere else.
 *
 * <p>When victims have enrolled their faces in the portal, every scan also searches each image for
 * them: one in-memory face bank named {@code portal} holds every report's templates, each person
 * known by the report's reference. The face models are loaded for the first such scan and kept
 * until the service stops.
 */
@Service
public class ScanJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScanJobs.class);

  /** Where a scan is: queued, running, done or failed. */
  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** The word clients see ({@code queued}, ...). */
    @JsonValue
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** A scan in this state will change it. */
    public boolean ongoing() {
      return this == QUEUED || this == RUNNING;
    }
  }

  /**
   * What a client sees of a scan.
   *
   * @param caseId the case it made, once {@link State#DONE}
   * @param error why it failed, once {@link State#FAILED}
   */
  public record Status(
      UUID id,
      State state,
      String stage,
      long done,
      long total,
      UUID caseId,
      String error,
      Instant started) {}

  /** A scan's phase, with what only that phase has. */
  private sealed interface Phase {
    State state();

    record Queued() implements Phase {
      @Override
      public State state() {
        return State.QUEUED;
      }
    }

    record Running() implements Phase {
      @Override
      public State state() {
        return State.RUNNING;
      }
    }

    record Done(UUID caseId) implements Phase {
      @Override
      public State state() {
        return State.DONE;
      }
    }

    record Failed(String error) implements Phase {
      @Override
      public State state() {
        return State.FAILED;
      }
    }
  }

  /** A request to scan exports (folder names inside the import folder) against banks. */
  public record Request(String title, List<String> exports, List<String> banks) {}

  private static final class Job implements ProgressSink {
    final UUID id = UUID.randomUUID();
    final String owner;
    final Instant started = Instant.now();
    volatile Phase phase = new Phase.Queued();
    volatile String stage = "";
    final AtomicLong done = new AtomicLong();
    volatile long total;

    Job(String owner) {
      this.owner = owner;
    }

    @Override
    public Task start(String label, long total) {
      this.total = total;
      done.set(0);
      return new Task() {
        @Override
        public void advance(long n) {
          done.addAndGet(n);
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public void stage(String what) {
      // Stage lines name export folders; only the stage word is shown.
      stage = what.split(" ")[0];
    }

    Status status() {
      Phase p = phase;
      return new Status(
          id,
          p.state(),
          stage,
          done.get(),
          total,
          p instanceof Phase.Done d ? d.caseId() : null,
          p instanceof Phase.Failed f ? f.error() : null,
          started);
    }
  }

  private final Path dataDir;
  private final Path importDir;
  private final CaseImport cases;
  private final UserStore users;
  private final AuditLog audit;
  private final ReuploadMonitor monitor;
  private final FaceTemplates faceTemplates;

  /** Loaded by the first scan that searches faces (on the scan thread only), closed at the end. */
  private FaceEngine faceEngine;

  private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "haetae-scan");
            t.setDaemon(true);
            return t;
          });

  public ScanJobs(
      @Value("${haetae.data-dir:${HAETAE_DATA_DIR:haetae-data}}") String dataDir,
      @Value("${haetae.import-dir:}") String importDir,
      CaseImport cases,
      UserStore users,
      AuditLog audit,
      ReuploadMonitor monitor,
      FaceTemplates faceTemplates) {
    this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
    this.importDir =
        (importDir.isBlank() ? this.dataDir.resolve("imports") : Path.of(importDir))
            .toAbsolutePath()
            .normalize();
    this.cases = cases;
    this.users = users;
    this.audit = audit;
    this.monitor = monitor;
    this.faceTemplates = faceTemplates;
  }

  public Path importDir() {
    return importDir;
  }

  /** The folders of the import folder a scan may be asked to read, by name. */
  public List<String> importable() throws IOException {
    if (!Files.isDirectory(importDir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(importDir)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The hash banks of the data folder that are switched on. */
  public List<String> banks() throws IOException {
    return new FileBankStore(dataDir.resolve("banks"))
        .list().stream().filter(BankInfo::enabled).map(BankInfo::name).sorted().toList();
  }

  /** The scans this person started (all scans for an admin), newest first. */
  public List<Status> recent(String user, boolean admin) {
    return jobs.values().stream()
        .filter(j -> admin || j.owner.equals(user))
        .map(Job::status)
        .sorted(java.util.Comparator.comparing(Status::started).reversed())
        .toList();
  }

  /** Checks the request and queues the scan. */
  public Status start(String user, Request r) {
    if (r.exports() == null || r.exports().isEmpty()) {
      throw new InputException("name at least one export folder");
    }
    List<Path> exports = new ArrayList<>();
    for (String name : r.exports()) {
      Path p = importDir.resolve(name).normalize();
      if (!p.startsWith(importDir) || p.equals(importDir) || !Files.isDirectory(p)) {
        throw new InputException(name + ": no such export folder in the import folder");
      }
      exports.add(p);
    }
    List<String> banks = r.banks() == null ? List.of() : List.copyOf(r.banks());
    Job job = new Job(user);
    jobs.put(job.id, job);
    audit.record(user, "scan_started", null, job.id.toString());
    runner.execute(() -> run(job, r.title() == null ? "case" : r.title(), exports, banks));
    return job.status();
  }

  /** The scan's status, for its owner (or an admin); null otherwise. */
  public Status status(UUID id, String user, boolean admin) {
    Job j = jobs.get(id);
    return j == null || !(admin || j.owner.equals(user)) ? null : j.status();
  }

  private void run(Job job, String title, List<Path> exports, List<String> banks) {
    job.phase = new Phase.Running();
    try {
      Keys keys = Keys.load(dataDir, null, true);
      CaseAnalysis a =
          new Scan(
                  new CaseFolder(dataDir.resolve("cases").resolve(job.id.toString())),
                  keys.vault(),
                  keys.signing(),
                  new FileBankStore(dataDir.resolve("banks")),
                  new Scan.Options(
                      exports,
                      banks,
                      Matcher.Settings.DEFAULT,
                      null,
                      Runtime.getRuntime().availableProcessors(),
                      true,
                      job,
                      faceScan()))
              .run()
              .analysis();
      UUID caseId =
          cases.put(a, title, dataDir.resolve("cases").resolve(job.id.toString()).toString());
      users.assign(caseId, job.owner);
      // Re-upload monitoring: the new case against every victim's registered hashes; its
      // face:portal matches open face leads on the reports still holding templates.
      monitor.checkCase(caseId);
      job.phase = new Phase.Done(caseId);
    } catch (InputException e) {
      job.phase = new Phase.Failed(e.getMessage());
    } catch (Exception e) {
      // The message may name paths; evidence content never reaches an exception message.
      LOG.error("scan {} failed", job.id, e);
      job.phase = new Phase.Failed("internal error (see the server log)");
    }
  }

  /**
   * What the scan's face stage looks for: the portal's face bank when at least one victim has
   * enrolled her face, else nothing (the scan runs without a face stage, as before).
   */
  private FaceScan faceScan() {
    if (!faceTemplates.any()) {
      return null;
    }
    FaceBank portal = faceTemplates.portalBank();
    if (portal.people().isEmpty()) {
      return null;
    }
    if (faceEngine == null) {
      faceEngine = FaceEngine.bundled(FaceEngine.Options.defaults());
    }
    return new FaceScan(faceEngine, List.of(portal), FaceMatcher.DEFAULT_THRESHOLD);
  }

  @Override
  public void close() {
    runner.shutdownNow();
    try {
      // The models are closed only once no scan uses them.
      if (runner.awaitTermination(30, TimeUnit.SECONDS) && faceEngine != null) {
        faceEngine.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
