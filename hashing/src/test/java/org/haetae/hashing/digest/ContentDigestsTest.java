package org.haetae.hashing.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentDigestsTest {
  @Test
  void knownVectors() {
    ContentDigests abc = ContentDigests.of("abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(abc.md5()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    assertThat(abc.sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(ContentDigests.of(new byte[0]).md5()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
  }

  @Test
  void streamingFileAndMemoryAgree(@TempDir Path dir) throws Exception {
    byte[] data = new byte[300_001];
    new Random(8).nextBytes(data);
    Path f = dir.resolve("x.bin");
    Files.write(f, data);
    ContentDigests mem = ContentDigests.of(data);
    assertThat(ContentDigests.of(f)).isEqualTo(mem);
    assertThat(ContentDigests.of(new ByteArrayInputStream(data))).isEqualTo(mem);
    assertThat(ContentDigests.sha256(data)).isEqualTo(mem.sha256());
  }
}
