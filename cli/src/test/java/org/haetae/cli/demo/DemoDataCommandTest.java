package org.haetae.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.haetae.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataCommandTest {
  @TempDir Path dir;

  @Test
  void writesTheCaseAndSaysWhatToRunNext() throws Exception {
    Path out = dir.resolve("demo");
    CliRun run = CliRun.of("demo-data", out.toString(), "--messages", "2000", "--images", "60");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("3 exports, 10 chats")
        .contains("2,000 messages")
        .contains("haetae bank import demo-victims " + out.resolve("bank/demo-victims.csv"))
        .contains("haetae scan " + out.resolve("exports") + "/* --bank demo-victims --out");
    assertThat(out.resolve("ground-truth.json")).isRegularFile();
    assertThat(out.resolve("images/originals/picture-01.png")).isRegularFile();
    assertThat(out.resolve("images/reshared/picture-01-crop.jpg")).isRegularFile();
  }

  @Test
  void refusesAFolderThatIsNotEmptyUnlessForced() throws Exception {
    Path out = Files.createDirectories(dir.resolve("busy"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    CliRun refused = CliRun.of("demo-data", out.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("not empty").contains("--force");
    assertThat(out.resolve("exports")).doesNotExist();

    Files.createDirectories(out.resolve("exports/stale"));
    CliRun forced =
        CliRun.of("demo-data", out.toString(), "--force", "--messages", "2000", "--images", "60");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(out.resolve("exports/stale")).doesNotExist();
    assertThat(out.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void badSizesAndFilesAreUsageErrors() throws Exception {
    CliRun tooFew = CliRun.of("demo-data", dir.resolve("x").toString(), "--messages", "10");
    assertThat(tooFew.exitCode()).isEqualTo(2);
    assertThat(tooFew.err()).contains("at least 1000 messages");
    Path file = Files.writeString(dir.resolve("file"), "x");
    CliRun notDir = CliRun.of("demo-data", file.toString());
    assertThat(notDir.exitCode()).isEqualTo(2);
    assertThat(notDir.err()).contains("not a folder");
  }
}
