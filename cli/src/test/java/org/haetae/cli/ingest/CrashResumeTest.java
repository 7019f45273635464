package org.haetae.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.haetae.cli.CliRun;
import org.haetae.demo.export.SyntheticExport;
import org.haetae.demo.export.SyntheticExport.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real ingest process (kill -9, no shutdown hooks) at random moments, several times over,
 * then lets one finish: nothing may be missing, nothing doubled, and the case must verify.
 */
class CrashResumeTest {
  @TempDir Path tmp;

  private Process start(Path export, Path caseDir, Path data) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            "org.haetae.cli.Main",
            "ingest",
            export.toString(),
            "--case",
            caseDir.toString(),
            "--data-dir",
            data.toString(),
            "--threads",
            "2");
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile())
        .start();
  }

  private static long lines(Path log) throws java.io.IOException {
    if (!Files.exists(log)) {
      return 0;
    }
    byte[] b = Files.readAllBytes(log);
    long n = 0;
    for (byte x : b) {
      n += x == '\n' ? 1 : 0;
    }
    return n;
  }

  @Test
  void killedRunsResumeWithNothingLostOrDoubled() throws Exception {
    Path export = tmp.resolve("export");
    Path caseDir = tmp.resolve("case");
    Path data = tmp.resolve("data");
    SyntheticExport.Manifest m =
        SyntheticExport.write(
            export, new SyntheticExport.Options(9, Shape.ACCOUNT, 3, 2000, 300, false));
    Random r = new Random(3);
    int interrupted = 0;
    Path log = caseDir.resolve("custody.log");
    int fullRun = 2 * CaseInspection.regularFiles(export).size();
    for (int attempt = 0; attempt < 6; attempt++) {
      Process p = start(export, caseDir, data);
      // Kill when the log has grown by a random number of entries, so that kills land while
      // reading, while storing, and while hashing; the first attempt dies before any entry.
      long target = attempt == 0 ? 0 : lines(log) + 1 + r.nextInt(fullRun / 4);
      if (attempt == 0) {
        p.waitFor(300, TimeUnit.MILLISECONDS);
      } else {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && lines(log) < target && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
      }
      if (p.isAlive()) {
        p.destroyForcibly(); // SIGKILL on Unix
        p.waitFor();
        interrupted++;
      }
      if (attempt == 3 && Files.exists(log)) {
        // A crash of the machine itself can also leave half a line behind.
        Files.writeString(log, "{\"seq\":", StandardOpenOption.APPEND);
      }
    }
    assertThat(interrupted).as("runs killed mid-ingest").isGreaterThanOrEqualTo(4);
    long storedBeforeLastRun = new CaseInspection(caseDir).ofType("stored").size();
    assertThat(storedBeforeLastRun)
        .as("kills landed while files were being stored")
        .isBetween(1L, (long) CaseInspection.regularFiles(export).size() - 1);

    CliRun last =
        CliRun.of(
            "ingest",
            export.toString(),
            "--case",
            caseDir.toString(),
            "--data-dir",
            data.toString());
    assertThat(last.exitCode()).as(last.err()).isZero();

    CaseInspection c = new CaseInspection(caseDir);
    List<String> files = CaseInspection.regularFiles(export);
    assertThat(c.counts("stored", "path")).containsOnlyKeys(files);
    assertThat(c.counts("stored", "path").values()).as("each file stored once").containsOnly(1L);
    long distinctImages =
        c.ofType("stored").stream()
            .filter(e -> "image".equals(e.string("kind")))
            .map(e -> e.string("sha256"))
            .distinct()
            .count();
    assertThat(c.counts("hashed", "sha256")).hasSize((int) distinctImages);
    assertThat(c.counts("hashed", "sha256").values()).as("each image hashed once").containsOnly(1L);
    assertThat(c.ofType("acquisition")).hasSize(1);
    assertThat(c.ofType("log_repaired")).as("the torn line was repaired").hasSize(1);
    System.out.printf(
        "crash-resume: %d kills, %d files stored before the last run, %d runs logged%n",
        interrupted, storedBeforeLastRun, c.ofType("run_started").size());
    assertThat(c.ofType("records")).hasSize(1);
    assertThat(CaseInspection.lines(CaseInspection.records(caseDir).resolve("messages.jsonl")))
        .isEqualTo(m.messages());
    assertThat(c.ofType("run_started").size()).isGreaterThan(1);
    List<String> leftovers = new ArrayList<>();
    try (var s = Files.list(caseDir)) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("records."))
          .forEach(leftovers::add);
    }
    assertThat(leftovers).isEmpty();

    CliRun v = CliRun.of("verify", caseDir.toString(), "--data-dir", data.toString());
    assertThat(v.exitCode()).as(v.out()).isZero();
  }
}
