package org.haetae.evidence.casefolder;

import java.nio.file.Path;

/**
 * Where things live in a case folder. Later stages (scan, report) add their files beside these.
 *
 * <pre>
 * CASE_DIR/
 *   custody.log          append-only, hash-chained, signed checkpoints
 *   custody.log.torn-N   bytes of a torn last line removed on repair (if any)
 *   evidence/ab/SHA.blob the encrypted vault, one file per distinct content
 *   records/             what was read from the export (JSON lines), bound to the log by digest
 *   records.partial/     records being written by a run that has not finished reading
 * </pre>
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

  public Path partialRecords() {
    return dir.resolve("records.partial");
  }
}
