package org.haetae.evidence.casefolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import org.haetae.evidence.custody.CustodyEvent;
import org.haetae.evidence.custody.CustodyLog;
import org.haetae.evidence.keys.SigningKey;
import org.haetae.evidence.keys.VaultKey;
import org.haetae.evidence.vault.StoredBlob;
import org.haetae.evidence.vault.Vault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseVerifierTest {
  @TempDir Path dir;
  CaseFolder folder;
  VaultKey key;

  @BeforeEach
  void makeCase() throws Exception {
    folder = new CaseFolder(dir.resolve("case"));
    key = VaultKey.load(null, dir.resolve("keys/vault.key"));
    Vault vault = new Vault(folder.evidence(), key, true);
    Random r = new Random(1);
    try (CustodyLog log =
        CustodyLog.open(
            folder.custodyLog(),
            SigningKey.load(dir.resolve("keys/signing.key")),
            new CustodyLog.Genesis(null, key.id(), null),
            1000,
            Clock.systemUTC(),
            e -> {})) {
      for (int i = 0; i < 6; i++) {
        byte[] b = new byte[1000 + r.nextInt(3000)];
        r.nextBytes(b);
        StoredBlob s = vault.put(b);
        log.append(
            new CustodyEvent.Stored(
                null,
                "photos/" + i + ".jpg",
                s.size(),
                s.sha256(),
                s.storedSha256(),
                null,
                null,
                null));
      }
      Files.createDirectories(folder.records());
      Files.writeString(folder.records().resolve("messages.jsonl"), "{\"id\":1}\n");
      log.append(
          new CustodyEvent.Records(
              null,
              Map.of(
                  "messages.jsonl",
                  CaseVerifier.sha256(folder.records().resolve("messages.jsonl"))),
              null,
              -1,
              -1,
              -1,
              null,
              true,
              null,
              null));
      log.checkpoint();
    }
  }

  @Test
  void intactCasePasses() throws Exception {
    VerifyReport r = CaseVerifier.verify(folder, key, null);
    assertThat(r.problem()).isNull();
    assertThat(r.blobs()).isEqualTo(6);
    assertThat(r.warnings()).isEmpty();
    VerifyReport noKey = CaseVerifier.verify(folder, null, null);
    assertThat(noKey.intact()).isTrue();
    assertThat(noKey.warnings()).anySatisfy(w -> assertThat(w).contains("no vault key"));
  }

  @Test
  void randomByteChangesAnywhereAreDetected() throws Exception {
    Random r = new Random(5);
    java.util.List<Path> files;
    try (var s = Files.walk(folder.dir())) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (int trial = 0; trial < 60; trial++) {
      Path f = files.get(r.nextInt(files.size()));
      byte[] orig = Files.readAllBytes(f);
      if (orig.length == 0) {
        continue;
      }
      byte[] bad = orig.clone();
      int at = r.nextInt(bad.length);
      bad[at] ^= (byte) (1 + r.nextInt(255));
      f.toFile().setWritable(true);
      Files.write(f, bad);
      VerifyReport rep = CaseVerifier.verify(folder, key, null);
      assertThat(rep.problem()).as("%s byte %d", f.getFileName(), at).isNotNull();
      if (f.getFileName().toString().endsWith(".blob")) {
        String name = f.getFileName().toString();
        assertThat(rep.problem()).contains(name.substring(0, name.length() - 5));
        // Without the key the encrypted file's logged digest still catches it.
        assertThat(CaseVerifier.verify(folder, null, null).problem()).isNotNull();
      }
      Files.write(f, orig);
    }
    assertThat(CaseVerifier.verify(folder, key, null).problem()).isNull();
  }

  @Test
  void missingAndUnloggedBlobsAreNamed() throws Exception {
    Vault vault = new Vault(folder.evidence(), key, false);
    StoredBlob extra = vault.put(new byte[] {1, 2, 3});
    assertThat(CaseVerifier.verify(folder, key, null).problem())
        .contains(extra.sha256())
        .contains("not in the custody log");
    Files.delete(vault.blobPath(extra.sha256()));
    String first;
    try (var s = vault.addresses()) {
      first = s.findFirst().orElseThrow();
    }
    Files.delete(vault.blobPath(first));
    assertThat(CaseVerifier.verify(folder, key, null).problem())
        .contains(first)
        .contains("blob missing");
  }

  @Test
  void strayFilesInTheVaultAreNamed() throws Exception {
    Files.writeString(folder.evidence().resolve("note.txt"), "x");
    assertThat(CaseVerifier.verify(folder, key, null).problem())
        .contains("file note.txt in the vault is not in the custody log");
    Files.delete(folder.evidence().resolve("note.txt"));
    // A real blob moved out of its prefix folder is not where its address says.
    String first;
    try (var s = new Vault(folder.evidence(), key, false).addresses()) {
      first = s.findFirst().orElseThrow();
    }
    Path from = folder.evidence().resolve(first.substring(0, 2)).resolve(first + ".blob");
    Files.move(from, folder.evidence().resolve(first + ".blob"));
    assertThat(CaseVerifier.verify(folder, key, null).problem()).contains(first);
  }

  @Test
  void wrongKeyIsToldApartFromTampering() throws Exception {
    VaultKey other = VaultKey.of(new byte[32]);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CaseVerifier.verify(folder, other, null))
        .hasMessageContaining("not this case's key");
  }
}
