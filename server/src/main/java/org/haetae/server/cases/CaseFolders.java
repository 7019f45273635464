package org.haetae.server.cases;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.custody.CustodyEvent;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.evidence.custody.CustodyLog;
import org.haetae.pipeline.keys.Keys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where each case's folder (vault, custody log, index, report) lies, and the one way the service
 * writes to a custody log: views, reveals and exports of evidence are custody events.
 */
@Service
public class CaseFolders {
  private final JdbcClient jdbc;
  private final Path dataDir;

  /**
   * The custody log takes one writer at a time. The file lock keeps a scan in another process out;
   * this keeps this process's own requests from tripping over each other.
   */
  private final Map<Path, ReentrantLock> writers = new ConcurrentHashMap<>();

  public CaseFolders(
      JdbcClient jdbc, @Value("${haetae.data-dir:${HAETAE_DATA_DIR:haetae-data}}") String dataDir) {
    this.jdbc = jdbc;
    this.dataDir = Path.of(dataDir);
  }

  /** The case's folder; 404 when the case does not exist. Check access before calling. */
  public Path folder(UUID caseId) {
    return jdbc.sql("select folder from cases where id = ?")
        .param(caseId)
        .query(String.class)
        .optional()
        .map(Path::of)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such case"));
  }

  /** The keys of this service's data folder (vault and custody signing). */
  public Keys keys() throws IOException {
    return Keys.load(dataDir, null, true);
  }

  /**
   * Appends one entry to a case's custody log and checkpoints it.
   *
   * @throws IllegalStateException when a scan is writing to the case or its log is damaged
   */
  public void note(Path folder, Keys keys, CustodyEvent event) throws IOException {
    CaseFolder cf = new CaseFolder(folder);
    ReentrantLock mine = writers.computeIfAbsent(folder.toAbsolutePath(), f -> new ReentrantLock());
    mine.lock();
    try (CaseFolder.Lock lock = cf.tryLock()) {
      if (lock == null) {
        throw new IllegalStateException("the case is busy (a scan is writing to it)");
      }
      try (CustodyLog log =
          CustodyLog.open(
              cf.custodyLog(),
              keys.signing(),
              CustodyLog.Genesis.NONE,
              1000,
              Clock.systemUTC(),
              e -> {})) {
        log.append(event);
        log.checkpoint();
      }
    } catch (CustodyException e) {
      throw new IllegalStateException("the case's custody log is damaged: " + e.getMessage(), e);
    } finally {
      mine.unlock();
    }
  }
}
