package org.haetae.cli.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.haetae.cli.CliRun;
import org.haetae.hashing.ImageHasher;
import org.haetae.hashing.ImageHashes;
import org.haetae.hashing.testdata.ReferenceData;
import org.haetae.hashing.testdata.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {
  @TempDir Path dir;

  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(dir.resolve("data").toString());
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void hashListOfNeedlesAgainstTheHaystackGivesTheReferencePairs() throws Exception {
    Path pdq = ReferenceData.require("pdq");
    Path haystack = pdq.resolve("reg-test-input/haystack.txt");
    Path needles = pdq.resolve("reg-test-input/needles.txt");
    assertThat(run("bank", "import", "hay", haystack.toString()).exitCode()).isZero();

    CliRun r = run("match", needles.toString(), "--bank", "hay", "--header");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.getFirst()).isEqualTo("path,bank,entry_id,distance");

    // Expected: (needle line, haystack line, distance); entry ids are haystack line numbers.
    List<String> needleHex = Files.readAllLines(needles);
    List<String> hayHex = Files.readAllLines(haystack);
    List<String> expected = new ArrayList<>();
    for (String line : Files.readAllLines(pdq.resolve("expected-mih-d31.txt"))) {
      String d = line.replaceAll(".*d=(\\d+),.*", "$1");
      String needle = line.replaceAll(".*needle=([0-9a-f]+),.*", "$1");
      String match = line.replaceAll(".*match=([0-9a-f]+),.*", "$1");
      expected.add((needleHex.indexOf(needle) + 1) + "," + (hayHex.indexOf(match) + 1) + "," + d);
    }
    List<String> actual = new ArrayList<>();
    Map<String, Integer> lastDistance = new HashMap<>();
    for (String row : lines.subList(1, lines.size())) {
      String[] c = row.split(",");
      String needleLine = c[0].substring(c[0].lastIndexOf(':') + 1);
      assertThat(c[0]).startsWith(needles.toString());
      assertThat(c[1]).isEqualTo("hay");
      int d = Integer.parseInt(c[3]);
      assertThat(d)
          .as("nearest first")
          .isGreaterThanOrEqualTo(lastDistance.getOrDefault(needleLine, 0));
      lastDistance.put(needleLine, d);
      actual.add(needleLine + "," + c[2] + "," + c[3]);
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void imagesMatchByPdqAndDigestsAndLowQualityIsReported() throws Exception {
    BufferedImage scene = TestImages.scene(200, 150, BufferedImage.TYPE_3BYTE_BGR, 4);
    Files.createDirectories(dir.resolve("in"));
    Path img = Files.write(dir.resolve("in/scene.png"), png(scene));
    BufferedImage flat = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
    Path flatImg = Files.write(dir.resolve("in/flat.png"), png(flat));
    Files.writeString(dir.resolve("in/notes.bin"), "\u0000not an image");

    ImageHashes h = new ImageHasher().hash(img);
    ImageHashes f = new ImageHasher().hash(flatImg);
    assertThat(f.pdq().quality()).isLessThan(50);
    Path bankFile =
        Files.writeString(
            dir.resolve("bank.csv"),
            "signal_type,signal_value,content_id\n"
                + "pdq,"
                + h.pdq().hash().toHex()
                + ",scene-pdq\n"
                + "md5,"
                + f.digests().md5()
                + ",flat-md5\n"
                + "pdq,"
                + f.pdq().hash().toHex()
                + ",flat-pdq\n");
    assertThat(run("bank", "import", "b", bankFile.toString()).exitCode()).isZero();

    CliRun r = run("match", dir.resolve("in").toString(), "--bank", "b");
    assertThat(r.exitCode()).as("the undecodable file makes it 2").isEqualTo(2);
    assertThat(r.out().lines().toList()).containsExactly(flatImg + ",b,2,0", img + ",b,1,0");
    assertThat(r.err())
        .contains("low quality: " + flatImg + ": PDQ quality " + f.pdq().quality() + " < 50")
        .contains("error: " + dir.resolve("in/notes.bin"))
        .contains("matched 2 of 3 input(s)");

    CliRun json = run("match", img.toString(), flatImg.toString(), "--json");
    assertThat(json.exitCode()).isZero();
    assertThat(json.out())
        .contains("\"path\":\"" + img + "\"")
        .contains("\"source_id\":\"scene-pdq\",\"distance\":0,\"kind\":\"pdq\"")
        .contains("\"low_quality\":true")
        .contains("\"source_id\":\"flat-md5\",\"distance\":0,\"kind\":\"md5\"");
  }

  @Test
  void dihedralFindsARotatedCopy() throws Exception {
    BufferedImage scene = TestImages.scene(160, 160, BufferedImage.TYPE_3BYTE_BGR, 9);
    Path original = Files.write(dir.resolve("o.png"), png(scene));
    AffineTransform rot = AffineTransform.getQuadrantRotateInstance(1, 80, 80);
    BufferedImage rotated =
        new AffineTransformOp(rot, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(scene, null);
    Path turned = Files.write(dir.resolve("r.png"), png(rotated));
    String hex = new ImageHasher().hash(original).pdq().hash().toHex();
    run("bank", "import", "b", Files.writeString(dir.resolve("b.txt"), hex + "\n").toString());

    assertThat(run("match", turned.toString()).out()).isEmpty();
    CliRun r = run("match", turned.toString(), "--dihedral", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"entry_id\":1").containsPattern("\"variant\":\"rot\\d+\"");
  }

  @Test
  void badInputIsNamedAndExitsTwo() throws Exception {
    Path bank = Files.writeString(dir.resolve("b.txt"), "0".repeat(64) + "\n");
    run("bank", "import", "b", bank.toString());
    Path list =
        Files.writeString(dir.resolve("q.txt"), "0".repeat(64) + "\n" + "0".repeat(63) + "\n");
    CliRun r = run("match", list.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEqualTo(list + ":1,b,1,0" + System.lineSeparator());
    assertThat(r.err()).contains("error: " + list + ":2: bad PDQ hash");

    run("bank", "import", "c", bank.toString());
    CliRun two = run("match", "--bank", "b", "--bank", "c", list.toString());
    assertThat(two.out()).contains(list + ":1,b,1,0").contains(list + ":1,c,1,0");
    assertThat(run("match", "--bank", "b,c", list.toString()).out()).isEqualTo(two.out());

    CliRun unknown = run("match", list.toString(), "--bank", "nope");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no bank named 'nope'");
    run("bank", "disable", "b");
    run("bank", "remove", "c");
    CliRun disabled = run("match", list.toString(), "--bank", "b");
    assertThat(disabled.exitCode()).isEqualTo(2);
    assertThat(disabled.err()).contains("bank b is disabled");
    CliRun none = run("match", list.toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("no enabled banks");
    CliRun missing = run("match", dir.resolve("missing.jpg").toString(), "--bank", "b");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("missing.jpg: no such file");
  }

  private static byte[] png(BufferedImage img) {
    return TestImages.encode(img, "png");
  }
}
