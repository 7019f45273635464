package org.haetae.cli.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.haetae.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankCommandTest {
  static final String H1 = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
  static final String H2 = "30a10efd71cc3d429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af";

  @TempDir Path dir;

  CliRun run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dir.resolve("data").toString();
    return CliRun.of(all);
  }

  @Test
  void importReportsCountsAndEachRejectedLineThenIsIdempotent() throws Exception {
    Path file = dir.resolve("bank.txt");
    Files.writeString(
        file, "\uFEFF" + H1 + "\r\n\r\nnot-a-hash\r\n" + H2 + ",77\r\n" + H1 + "\r\n");
    CliRun first = run("bank", "import", "victims", file.toString());
    assertThat(first.exitCode()).as(first.err()).isEqualTo(2);
    assertThat(first.out())
        .contains("imported 2, duplicates 1, rejected 1, blank lines 1 (format pdq)");
    assertThat(first.err())
        .contains(file + ":3: bad PDQ hash: a PDQ hash has 64 hex digits, this one has 10")
        .doesNotContain("Exception");

    CliRun again = run("bank", "import", "victims", file.toString(), "--format", "pdq");
    assertThat(again.out()).contains("imported 0, duplicates 3, rejected 1");

    CliRun list = run("bank", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).containsPattern("victims\\s+yes\\s+2\\s+1 ");
  }

  @Test
  void cleanImportExitsZeroAndExportReimports() throws Exception {
    Path file = dir.resolve("hma.csv");
    Files.writeString(
        file,
        "signal_type,signal_value,content_id\npdq," + H1 + ",c1\nmd5," + "ab".repeat(16) + ",c2\n");
    CliRun imp = run("bank", "import", "hma", file.toString());
    assertThat(imp.exitCode()).as(imp.err()).isZero();
    assertThat(imp.out()).contains("imported 2, duplicates 0, rejected 0 (format hma-csv)");

    for (String format : new String[] {"te-csv", "hma-csv", "vics"}) {
      Path out = dir.resolve("export-" + format);
      CliRun exp = run("bank", "export", "hma", "--format", format, "-o", out.toString());
      assertThat(exp.exitCode()).as(exp.err()).isZero();
      CliRun back = run("bank", "import", "copy-" + format, out.toString());
      assertThat(back.exitCode()).as(back.err()).isZero();
      assertThat(back.out())
          .contains("imported 2, duplicates 0, rejected 0 (format " + format + ")");
    }
    CliRun pdq = run("bank", "export", "hma", "--format", "pdq");
    assertThat(pdq.out().strip()).isEqualTo(H1);
    assertThat(pdq.err()).contains("1 entries have no PDQ");
  }

  @Test
  void enableDisableRemove() throws Exception {
    Path file = Files.writeString(dir.resolve("b.txt"), H1 + "\n");
    run("bank", "import", "b", file.toString());
    assertThat(run("bank", "disable", "b").exitCode()).isZero();
    assertThat(run("bank", "list").out()).containsPattern("b\\s+no\\s+1");
    assertThat(run("bank", "enable", "b").exitCode()).isZero();
    assertThat(run("bank", "remove", "b").out()).contains("removed bank b");
    CliRun gone = run("bank", "remove", "b");
    assertThat(gone.exitCode()).isEqualTo(2);
    assertThat(gone.err()).contains("error: no bank named 'b'");
    assertThat(run("bank", "disable", "b").exitCode()).isEqualTo(2);
    assertThat(run("bank", "export", "b", "--format", "pdq").exitCode()).isEqualTo(2);
  }

  @Test
  void badArgumentsExitTwoWithoutStackTraces() throws Exception {
    Path file = Files.writeString(dir.resolve("b.txt"), H1 + "\n");
    CliRun missing = run("bank", "import", "b", dir.resolve("nope.txt").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.txt: no such file");
    CliRun badName = run("bank", "import", "../evil", file.toString());
    assertThat(badName.exitCode()).isEqualTo(2);
    assertThat(badName.err()).contains("bad bank name");
    CliRun badFormat = run("bank", "import", "b", file.toString(), "--format", "xml");
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.err()).contains("unknown bank format 'xml'");
    for (CliRun r : new CliRun[] {missing, badName, badFormat}) {
      assertThat(r.err()).doesNotContain("\tat ");
    }
  }

  @Test
  void truncatedVicsKeepsWhatCameBeforeAndNamesTheLine() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("case.json"),
            "{\"value\": [\n {\"MediaID\": 1, \"MD5\": \""
                + "cd".repeat(16)
                + "\"},\n {\"MediaID\": 2, \"MD5\"");
    CliRun r = run("bank", "import", "v", file.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).contains("imported 1, duplicates 0, rejected 1 (format vics)");
    assertThat(r.err()).contains(file + ":3: the JSON ends early");
  }
}
