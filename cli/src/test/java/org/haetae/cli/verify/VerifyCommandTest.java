package org.haetae.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.haetae.cli.Main;
import org.haetae.demo.export.SyntheticExport;
import org.haetae.demo.export.SyntheticExport.Shape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {
  @TempDir Path tmp;
  Path caseDir;
  Path data;

  record Out(int code, String out, String err) {}

  static Out run(String... args) {
    CommandLine cmd = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return new Out(cmd.execute(args), out.toString(), err.toString());
  }

  @BeforeEach
  void ingest() throws Exception {
    Path export = tmp.resolve("export");
    SyntheticExport.write(
        export, new SyntheticExport.Options(6, Shape.SINGLE_CHAT, 1, 60, 8, false));
    caseDir = tmp.resolve("case");
    data = tmp.resolve("data");
    Out r =
        run(
            "ingest",
            export.toString(),
            "--case",
            caseDir.toString(),
            "--data-dir",
            data.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  private Out verify() {
    return run("verify", caseDir.toString(), "--data-dir", data.toString());
  }

  @Test
  void anySingleChangedByteInTheCaseIsExitThree() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(caseDir)) {
      files = s.filter(Files::isRegularFile).filter(p -> Files.isRegularFile(p)).sorted().toList();
    }
    Random r = new Random(17);
    for (int trial = 0; trial < 40; trial++) {
      // Half the trials hit the log, half a blob or record file.
      Path f = trial % 2 == 0 ? caseDir.resolve("custody.log") : files.get(r.nextInt(files.size()));
      byte[] orig = Files.readAllBytes(f);
      if (orig.length == 0) {
        continue;
      }
      byte[] bad = orig.clone();
      int at = r.nextInt(bad.length);
      bad[at] ^= (byte) (1 + r.nextInt(255));
      f.toFile().setWritable(true);
      Files.write(f, bad);
      Out o = verify();
      assertThat(o.code()).as("%s byte %d: %s", caseDir.relativize(f), at, o.out()).isEqualTo(3);
      assertThat(o.out())
          .containsPattern("BROKEN: (custody log entry \\d+|blob [0-9a-f]{64}|record file)");
      Files.write(f, orig);
    }
    assertThat(verify().code()).isZero();
  }

  @Test
  void withoutTheKeyTheEncryptedFilesAreStillChecked() throws Exception {
    Out o = run("verify", caseDir.toString(), "--data-dir", tmp.resolve("elsewhere").toString());
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("no vault key").contains("encrypted files only");
    assertThat(Files.exists(tmp.resolve("elsewhere"))).as("verify creates no keys").isFalse();
  }

  @Test
  void inclusionProofForAThirdParty() throws Exception {
    Out proof = run("verify", caseDir.toString(), "--prove", "3");
    assertThat(proof.code()).as(proof.err()).isZero();
    Path file = Files.writeString(tmp.resolve("proof.json"), proof.out());
    Out ok = run("verify", "--check-proof", file.toString());
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).contains("proof holds: entry 3");
    Files.writeString(file, proof.out().replace("\"index\" : 3", "\"index\" : 4"));
    assertThat(run("verify", "--check-proof", file.toString()).code()).isEqualTo(3);
  }

  @Test
  void notACaseIsBadInput() {
    assertThat(run("verify", tmp.toString()).code()).isEqualTo(2);
  }
}
