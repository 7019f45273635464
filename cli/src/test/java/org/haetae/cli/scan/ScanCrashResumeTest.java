package org.haetae.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.haetae.cli.CliRun;
import org.haetae.demo.export.SyntheticExport;
import org.haetae.demo.export.SyntheticExport.Shape;
import org.haetae.hashing.ImageHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real scan process (SIGKILL) while it ingests and while it analyses, then lets one run
 * finish: every file stored once, the outputs complete and bound to the log, the case intact.
 */
class ScanCrashResumeTest {
  @TempDir Path tmp;

  @Test
  void killedScansResume() throws Exception {
    Path export = tmp.resolve("export");
    Path data = tmp.resolve("data");
    Path caseDir = tmp.resolve("case");
    SyntheticExport.write(
        export, new SyntheticExport.Options(4, Shape.ACCOUNT, 3, 3000, 150, false));
    StringBuilder bank = new StringBuilder();
    try (Stream<Path> s = Files.walk(export)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(5).toList()) {
        bank.append(new ImageHasher().hash(p).pdq().hash().toHex()).append('\n');
      }
    }
    Files.writeString(tmp.resolve("bank.txt"), bank);
    assertThat(
            CliRun.of(
                    "bank",
                    "import",
                    "v",
                    tmp.resolve("bank.txt").toString(),
                    "--data-dir",
                    data.toString())
                .exitCode())
        .isZero();
    Path log = caseDir.resolve("custody.log");
    int killed = 0;
    boolean killedInAnalysis = false;
    for (int attempt = 0; attempt < 5; attempt++) {
      Process p = start(export, caseDir, data);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      // Early attempts die while storing; later ones once matching is logged (analysis running).
      boolean waitForAnalysis = attempt >= 3;
      long target = 20L + attempt * 60L;
      while (p.isAlive() && System.nanoTime() < deadline) {
        String text = Files.exists(log) ? Files.readString(log) : "";
        if (waitForAnalysis
            ? text.contains("\"type\":\"matched\"")
            : text.lines().count() >= target) {
          break;
        }
        Thread.sleep(5);
      }
      if (p.isAlive()) {
        if (waitForAnalysis) {
          Thread.sleep(100);
        }
        if (p.isAlive()) {
          p.destroyForcibly();
          p.waitFor();
          killed++;
          killedInAnalysis |= waitForAnalysis;
        }
      }
    }
    assertThat(killed).isGreaterThanOrEqualTo(3);
    CliRun last =
        CliRun.of(
            "scan",
            export.toString(),
            "--bank",
            "v",
            "--out",
            caseDir.toString(),
            "--data-dir",
            data.toString());
    assertThat(last.exitCode()).as(last.err()).isZero();
    List<String> lines = Files.readAllLines(log);
    Map<String, Integer> stored = new TreeMap<>();
    for (String l : lines) {
      if (l.contains("\"type\":\"stored\"")) {
        String path = l.replaceAll(".*\"path\":\"([^\"]*)\".*", "$1");
        stored.merge(path, 1, Integer::sum);
      }
    }
    try (Stream<Path> s = Files.walk(export)) {
      assertThat(stored).hasSize((int) s.filter(Files::isRegularFile).count());
    }
    assertThat(stored.values()).containsOnly(1);
    assertThat(caseDir.resolve("report.json")).isRegularFile();
    try (Stream<Path> s = Files.walk(caseDir)) {
      assertThat(
              s.filter(Files::isRegularFile)
                  .map(Path::toString)
                  .filter(n -> n.endsWith(".tmp"))
                  .toList())
          .as("no half-written outputs")
          .isEmpty();
    }
    CliRun v = CliRun.of("verify", caseDir.toString(), "--data-dir", data.toString());
    assertThat(v.exitCode()).as(v.out() + v.err()).isZero();
    System.out.printf("scan crash-resume: %d kills (analysis: %s)%n", killed, killedInAnalysis);
  }

  private Process start(Path export, Path caseDir, Path data) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "org.haetae.cli.Main",
            "scan",
            export.toString(),
            "--bank",
            "v",
            "--out",
            caseDir.toString(),
            "--data-dir",
            data.toString())
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile())
        .start();
  }
}
