package org.haetae.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseReportTest {
  @TempDir Path dir;

  @Test
  void writesEveryFileAndTellsTheirDigests() throws Exception {
    CaseFixture.Built c = CaseFixture.build(dir);
    CaseReport.Written w =
        CaseReport.write(
            c.analysis(), c.folder(), c.key(), c.folder().dir(), CaseReport.Options.DEFAULT);
    assertThat(w.paths())
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "manifest.json", "manifest.csv", "report.json", "report.html", "report.pdf");
    for (CaseReport.WrittenFile f : w.files()) {
      byte[] bytes = Files.readAllBytes(f.path());
      assertThat(f.size()).isEqualTo(bytes.length).isPositive();
      assertThat(f.sha256())
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }
    assertThat(w.warnings()).isEmpty();
    String html = Files.readString(c.folder().dir().resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html.split("data:image/jpeg;base64,", -1)).hasSize(3);
    assertThat(leftovers(c.folder().dir())).isEmpty();
  }

  @Test
  void withoutTheKeyThereAreNoPictures() throws Exception {
    CaseFixture.Built c = CaseFixture.build(dir);
    Path out = dir.resolve("out");
    CaseReport.write(c.analysis(), c.folder(), null, out, CaseReport.Options.DEFAULT);
    assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("data:image");
    CaseReport.write(
        c.analysis(), c.folder(), c.key(), out, new CaseReport.Options(false, 10, 500));
    assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("data:image");
    CaseReport.write(c.analysis(), c.folder(), c.key(), out, new CaseReport.Options(true, 1, 500));
    assertThat(Files.readString(out.resolve("report.html")).split("data:image/jpeg", -1))
        .hasSize(2);
  }

  @Test
  void aFailedWriteLeavesThePreviousFileWholeAndNoTemporaryFile() throws Exception {
    Path target = dir.resolve("report.json");
    CaseReport.atomically(target, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(
            () ->
                CaseReport.atomically(
                    target,
                    out -> {
                      out.write("half of a new rep".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(leftovers(dir)).isEmpty();
    CaseReport.WrittenFile f =
        CaseReport.atomically(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(f.size()).isEqualTo(3);
  }

  @Test
  void optionsRefuseNonsense() {
    assertThatThrownBy(() -> new CaseReport.Options(true, -1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CaseReport.Options(true, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Path> leftovers(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
