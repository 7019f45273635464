package org.haetae.evidence.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.haetae.evidence.keys.VaultKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {
  @TempDir Path dir;

  private Vault vault() throws Exception {
    return new Vault(
        dir.resolve("evidence"), VaultKey.load(null, dir.resolve("keys/vault.key")), false);
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static String sha(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void roundTripsAtSegmentBoundaries() throws Exception {
    Vault v = vault();
    int seg = BlobFormat.SEGMENT;
    for (int n : new int[] {0, 1, seg - 1, seg, seg + 1, 2 * seg, 2 * seg + 77}) {
      byte[] b = random(n, n);
      StoredBlob s = v.put(b);
      assertThat(s.sha256()).isEqualTo(sha(b));
      assertThat(s.size()).isEqualTo(n);
      assertThat(s.created()).isTrue();
      assertThat(v.read(s.sha256())).isEqualTo(b);
      assertThat(v.check(s.sha256(), n, s.storedSha256())).isNull();
      // Encrypted: the plaintext does not appear in the file.
      if (n >= 64) {
        String file = HexFormat.of().formatHex(Files.readAllBytes(v.blobPath(s.sha256())));
        assertThat(file).doesNotContain(HexFormat.of().formatHex(b, 0, 32));
      }
    }
  }

  @Test
  void sameContentIsStoredOnceAndNeverRewritten() throws Exception {
    Vault v = vault();
    byte[] b = random(5000, 1);
    StoredBlob first = v.put(b);
    byte[] before = Files.readAllBytes(v.blobPath(first.sha256()));
    StoredBlob again = v.put(b);
    assertThat(again.created()).isFalse();
    assertThat(again.storedSha256()).isEqualTo(first.storedSha256());
    assertThat(Files.readAllBytes(v.blobPath(first.sha256()))).isEqualTo(before);
    try (var s = v.addresses()) {
      assertThat(s.toList()).containsExactly(first.sha256());
    }
  }

  @Test
  void concurrentStoresOfOneContentAgreeOnOneFile() throws Exception {
    Vault v = vault();
    byte[] b = random(300_000, 2);
    ExecutorService ex = Executors.newFixedThreadPool(4);
    try {
      List<Future<StoredBlob>> fs = ex.invokeAll(java.util.Collections.nCopies(8, () -> v.put(b)));
      String file = null;
      int created = 0;
      for (Future<StoredBlob> f : fs) {
        created += f.get().created() ? 1 : 0;
        file = f.get().storedSha256();
      }
      assertThat(created).isEqualTo(1);
      for (Future<StoredBlob> f : fs) {
        assertThat(f.get().storedSha256()).isEqualTo(file);
      }
    } finally {
      ex.shutdown();
    }
  }

  @Test
  void anyChangedByteIsDetected() throws Exception {
    Vault v = vault();
    byte[] b = random(BlobFormat.SEGMENT + 5000, 3);
    StoredBlob s = v.put(b);
    Path p = v.blobPath(s.sha256());
    byte[] orig = Files.readAllBytes(p);
    Random r = new Random(7);
    p.toFile().setWritable(true);
    for (int trial = 0; trial < 40; trial++) {
      byte[] bad = orig.clone();
      int at = trial < 20 ? r.nextInt(64) : r.nextInt(bad.length); // header region too
      bad[at] ^= (byte) (1 + r.nextInt(255));
      Files.write(p, bad);
      assertThat(v.check(s.sha256(), s.size(), s.storedSha256())).as("byte %d", at).isNotNull();
      // Even without the logged digest, decryption alone catches it.
      assertThat(v.check(s.sha256(), s.size(), null)).as("byte %d", at).isNotNull();
    }
    Files.write(p, java.util.Arrays.copyOf(orig, orig.length - 20));
    assertThat(v.check(s.sha256(), s.size(), null)).isNotNull();
    Files.write(p, java.util.Arrays.copyOf(orig, BlobFormat.HEADER + BlobFormat.SEGMENT + 16));
    assertThat(v.check(s.sha256(), s.size(), null)).contains("authentication");
    Files.write(p, orig);
    assertThat(v.check(s.sha256(), s.size(), s.storedSha256())).isNull();
  }

  @Test
  void anotherKeyCannotReadIt() throws Exception {
    StoredBlob s = vault().put(random(100, 4));
    Vault other = new Vault(dir.resolve("evidence"), VaultKey.of(random(32, 9)), false);
    assertThatThrownBy(() -> other.read(s.sha256())).isInstanceOf(BlobDamagedException.class);
  }

  @Test
  void keyIsCreatedOnceOwnerOnlyAndEnvironmentWins() throws Exception {
    Path file = dir.resolve("keys/vault.key");
    assertThat(VaultKey.wouldCreate(null, file)).isTrue();
    VaultKey k1 = VaultKey.load(null, file);
    VaultKey k2 = VaultKey.load(null, file);
    assertThat(k1.id()).isEqualTo(k2.id());
    assertThat(k1.toString()).doesNotContain(Files.readString(file).strip());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String env = java.util.Base64.getEncoder().encodeToString(random(32, 5));
    assertThat(VaultKey.load(env, file).id()).isNotEqualTo(k1.id());
    assertThatThrownBy(() -> VaultKey.load("c2hvcnQ=", file))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
