package org.haetae.telegram.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LenientJsonInputTest {
  private static String filter(String in, int maxString, int maxDepth) throws Exception {
    try (LenientJsonInput f =
        new LenientJsonInput(
            new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), maxString, maxDepth)) {
      return new String(f.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void rewritesOnlyRealXEscapesInsideStrings() throws Exception {
    assertThat(filter("{\"a\\x01\": \"\\x1F\\\\x41\", \"b\": \"x\"}", 100, 10))
        .isEqualTo("{\"a\\u0001\": \"\\u001F\\\\x41\", \"b\": \"x\"}");
  }

  @Test
  void cutsLongStringsOnCharacterBoundaries() throws Exception {
    // 3-byte characters; a cut inside one would leave invalid UTF-8.
    String out = filter("[\"" + "가".repeat(10) + "\", \"ok\"]", 7, 10);
    assertThat(out).isEqualTo("[\"가가가\", \"ok\"]");
    assertThat(filter("[\"ab\\\"cdef\\\"gh\", 1]", 3, 10)).isEqualTo("[\"ab\\\"\", 1]");
  }

  @Test
  void replacesTooDeepSubtreesWithNull() throws Exception {
    assertThat(filter("[1, [[[\"]\", [2]]]], 3]", 100, 2)).isEqualTo("[1, [null], 3]");
  }

  @Test
  void mapsFilteredOffsetsBackToTheFile() throws Exception {
    String in = "[\"\\x01\\x02\", 1]";
    try (LenientJsonInput f =
        new LenientJsonInput(
            new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), 100, 10)) {
      String out = new String(f.readAllBytes(), StandardCharsets.UTF_8);
      int outComma = out.indexOf(',');
      assertThat(f.toFileOffset(outComma)).isEqualTo(in.indexOf(','));
    }
  }
}
