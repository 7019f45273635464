package org.haetae.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.haetae.hashing.ImageHasher;
import org.haetae.hashing.ImageHashes;
import org.haetae.hashing.image.DecodeLimits;
import org.haetae.hashing.testdata.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every line of the reference outputs, reproduced bit for bit. */
class ReferenceVectorsTest {

  static Stream<String[]> expectedPdq() throws IOException {
    return lines("pdq/expected-pdq.csv");
  }

  static Stream<Arguments> expectedDihedral() throws IOException {
    return lines("pdq/expected-pdq-dihedral.csv").map(cols -> Arguments.of(cols[9], cols));
  }

  private static Stream<String[]> lines(String file) throws IOException {
    Path p = ReferenceData.require(file);
    return Files.readAllLines(p).stream().filter(l -> !l.isBlank()).map(l -> l.split(","));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("expectedPdq")
  void hashAndQualityMatchTheReference(String hex, String quality, String path) throws Exception {
    ImageHashes h = new ImageHasher().hash(ReferenceData.require("pdq").resolve(path));
    assertThat(h.pdq().hash().toHex()).isEqualTo(hex);
    assertThat(h.pdq().quality()).isEqualTo(Integer.parseInt(quality));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectedDihedral")
  void allEightDihedralHashesMatchTheReference(String path, String[] cols) throws Exception {
    Path file = ReferenceData.require("pdq").resolve(path);
    ImageHashes h =
        new ImageHasher(new ImageHasher.Options(DecodeLimits.DEFAULT, true, false)).hash(file);
    List<String> actual = new ArrayList<>();
    h.dihedral().orElseThrow().inOrder().forEach(x -> actual.add(x.toHex()));
    assertThat(actual).containsExactly(List.of(cols).subList(0, 8).toArray(String[]::new));
    assertThat(h.pdq().quality()).isEqualTo(Integer.parseInt(cols[8]));
  }

  @Test
  void filesTheReferenceCouldNotReadNeverCrashTheHasher() throws IOException {
    Path root = ReferenceData.require("pdq");
    for (String line : Files.readAllLines(root.resolve("expected-unreadable.txt"))) {
      if (line.isBlank()) {
        continue;
      }
      try {
        ImageHashes h = new ImageHasher().hash(root.resolve(line.strip()));
        assertThat(h.pdq().quality()).isBetween(0, 100);
      } catch (org.haetae.hashing.image.ImageDecodeException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    }
  }
}
