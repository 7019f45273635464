package org.haetae.demo.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
  @TempDir Path dir;

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
    Investigation.Options options = Investigation.Options.scaled(11, 3_000, 120);
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    Investigation.write(a, options);
    Investigation.write(b, options);
    Investigation.write(c, Investigation.Options.scaled(12, 3_000, 120));
    // README.txt names the folder it is in; everything else must be identical.
    List<Path> files = files(a);
    assertThat(files).hasSizeGreaterThan(100).isEqualTo(files(b));
    for (Path f : files) {
      assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f.toString()).isEqualTo(-1L);
    }
    for (String name : Investigation.EXPORT_NAMES) {
      Path json = Path.of("exports", name, "result.json");
      assertThat(Files.mismatch(a.resolve(json), c.resolve(json))).as(name).isNotEqualTo(-1L);
    }
    assertThat(Files.mismatch(a.resolve("ground-truth.json"), c.resolve("ground-truth.json")))
        .isNotEqualTo(-1L);
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(root::relativize)
          .filter(p -> !p.toString().equals("README.txt"))
          .sorted()
          .toList();
    }
  }
}
