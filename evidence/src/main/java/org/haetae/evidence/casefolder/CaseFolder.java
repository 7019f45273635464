package org.haetae.evidence.casefolder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where things live in a case folder. Later stages (scan, report) add their files beside these.
 *
 * <pre>
 * CASE_DIR/
 *   custody.log          append-only, hash-chained, signed checkpoints
 *   custody.log.torn-N   bytes of a torn last line removed on repair (if any)
 *   evidence/ab/SHA.blob the encrypted vault, one file per distinct content
 *   records/EXPORT/      what was read from each export (JSON lines), bound to the log by digest
 *   records.partial/     records being written by a run that has not finished reading
 *   analysis/            what scan derived (matches, text index), bound to the log by digest
 *   report.*, manifest.* the case report and the evidence manifest
 * </pre>
 *
 * <p>A case holds any number of exports, each named by the first 12 hex digits of the SHA-256 of
 * its {@code result.json}. Cases written before that held one export, with its records directly
 * under {@code records/}; they are still read and verified.
 */
public record CaseFolder(Path dir) {
  public Path custodyLog() {
    return dir.resolve("custody.log");
  }

  public Path evidence() {
    return dir.resolve("evidence");
  }

  public Path records() {
    return dir.resolve("records");
  }

  /** Records of one export; {@code export} null for the single export of an older case. */
  public Path records(String export) {
    return export == null ? records() : records().resolve(export);
  }

  public Path partialRecords() {
    return dir.resolve("records.partial");
  }

  public Path partialRecords(String export) {
    return partialRecords().resolve(export);
  }

  public Path analysis() {
    return dir.resolve("analysis");
  }

  /** Held while one process writes to the case; released on close. */
  public record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try (FileChannel c = channel) {
        lock.release();
      }
    }
  }

  /**
   * Locks the case against other processes (creating the folder if needed).
   *
   * @return the lock, or null when another process holds it
   */
  public Lock tryLock() throws IOException {
    Files.createDirectories(dir);
    FileChannel c =
        FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = c.tryLock();
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
    if (l == null) {
      c.close();
      return null;
    }
    return new Lock(c, l);
  }
}
