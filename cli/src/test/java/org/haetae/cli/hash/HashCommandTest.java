package org.haetae.cli.hash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.haetae.cli.CliRun;
import org.haetae.hashing.pdq.PdqHasher;
import org.haetae.hashing.testdata.ReferenceData;
import org.haetae.hashing.testdata.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashCommandTest {

  @Test
  void printsTheReferenceHashesForTheBridgeSet() throws Exception {
    Path pdq = ReferenceData.require("pdq");
    CliRun run = CliRun.of("hash", pdq.resolve("bridge-mods").toString());
    assertThat(run.exitCode()).isZero();
    Map<String, String> expected = new HashMap<>();
    for (String line : Files.readAllLines(pdq.resolve("expected-pdq.csv"))) {
      String[] c = line.split(",");
      if (c[2].startsWith("bridge-mods/")) {
        expected.put(Path.of(c[2]).getFileName().toString(), c[0] + "," + c[1]);
      }
    }
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(expected.size());
    for (String line : lines) {
      String[] c = line.split(",");
      String name = Path.of(c[4]).getFileName().toString();
      assertThat(c[0] + "," + c[1]).as(name).isEqualTo(expected.get(name));
      assertThat(c[2]).hasSize(32);
      assertThat(c[3]).hasSize(64);
    }
    List<String> paths = lines.stream().map(l -> l.split(",")[4]).toList();
    assertThat(paths).isSorted();
  }

  @Test
  void badFilesAreNamedWithTheirReasonAndTheRestStillHashed(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("a-good.png");
    BufferedImage img = TestImages.scene(120, 80, BufferedImage.TYPE_3BYTE_BGR, 1);
    Files.write(good, TestImages.encode(img, "png"));
    Path empty = Files.createFile(dir.resolve("b-empty.jpg"));
    Path text = Files.writeString(dir.resolve("c-notes.txt"), "not an image");
    byte[] jpeg = TestImages.encode(img, "jpg");
    Path cut = dir.resolve("d-cut.jpg");
    Files.write(cut, Arrays.copyOf(jpeg, jpeg.length / 2));
    Path good2 = dir.resolve("e-good, with comma.png");
    Files.write(good2, TestImages.encode(img, "png"));

    CliRun run = CliRun.of("hash", "--header", dir.toString(), dir.resolve("missing").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    List<String> out = run.out().lines().toList();
    assertThat(out.get(0)).isEqualTo("pdq_hex,quality,md5,sha256,path");
    assertThat(out).hasSize(3);
    String hex = new PdqHasher().hash(img).hash().toHex();
    assertThat(out.get(1)).startsWith(hex).endsWith(good.toString());
    assertThat(out.get(2)).startsWith(hex).endsWith("\"" + good2 + "\"");
    assertThat(run.err())
        .contains(empty + ": empty file")
        .contains(text + ": not a recognised image format")
        .contains(cut.toString())
        .contains("missing: no such file or folder")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void jsonLinesCarryDimensionsAndDihedralHashes(@TempDir Path dir) throws Exception {
    BufferedImage img = TestImages.scene(90, 60, BufferedImage.TYPE_3BYTE_BGR, 2);
    Path f = dir.resolve("x.png");
    Files.write(f, TestImages.encode(img, "png"));
    CliRun run = CliRun.of("hash", "--json", "--dihedral", f.toString());
    assertThat(run.exitCode()).isZero();
    Map<String, String> fields = new HashMap<>();
    try (JsonParser p =
        new JsonFactory().createParser(run.out().getBytes(StandardCharsets.UTF_8))) {
      String name = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          name = p.currentName();
        } else if (t.isScalarValue()) {
          fields.put(name, p.getText());
        }
      }
    }
    assertThat(fields)
        .containsEntry("width", "90")
        .containsEntry("height", "60")
        .containsEntry("format", "png")
        .containsEntry("pdq", new PdqHasher().hash(img).hash().toHex())
        .containsKeys("rot90", "flip_minus1", "md5", "sha256");
  }

  @Test
  void dihedralCsvHasSevenExtraNamedColumns(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("x.png");
    Files.write(
        f, TestImages.encode(TestImages.scene(64, 64, BufferedImage.TYPE_INT_RGB, 3), "png"));
    CliRun run = CliRun.of("hash", "--header", "--dihedral", f.toString());
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0).split(",")).hasSize(12).contains("rot90", "flip_minus1");
    assertThat(lines.get(1).split(",")).hasSize(12);
  }

  @Test
  void usageErrorsExitTwoAndHelpExitsZero() {
    assertThat(CliRun.of("hash").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("hash", "--threads", "0", ".").exitCode()).isEqualTo(2);
    CliRun help = CliRun.of("hash", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("pdq_hex,quality,md5,sha256,path");
    assertThat(CliRun.of("--help").out()).contains("hash");
    assertThat(CliRun.of().exitCode()).isEqualTo(2);
  }

  @Test
  void tooManyPixelsIsRefusedPerFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("big.png");
    Files.write(
        f, TestImages.encode(TestImages.scene(400, 300, BufferedImage.TYPE_INT_RGB, 3), "png"));
    CliRun run = CliRun.of("hash", "--max-pixels", "100000", f.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("too large").contains("400x300");
  }
}
