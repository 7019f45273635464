package org.haetae.evidence.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.haetae.evidence.keys.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustodyLogTest {
  @TempDir Path dir;

  private SigningKey key() throws Exception {
    return SigningKey.load(dir.resolve("keys/signing.key"));
  }

  private CustodyLog open(List<Entry> seen) throws Exception {
    return CustodyLog.open(
        dir.resolve("custody.log"),
        key(),
        new CustodyLog.Genesis("t", null, null),
        5,
        Clock.systemUTC(),
        seen == null ? e -> {} : seen::add);
  }

  private void fill(int n) throws Exception {
    try (CustodyLog log = open(null)) {
      for (int i = 0; i < n; i++) {
        log.append(
            new CustodyEvent.Stored(
                "e1", "photos/사진" + i + ".jpg", i, "s" + i, "t" + i, null, "image", true));
      }
      log.checkpoint();
    }
  }

  @Test
  void chainsAcrossReopeningAndCheckpointsPeriodically() throws Exception {
    fill(12);
    List<Entry> seen = new ArrayList<>();
    try (CustodyLog log = open(seen)) {
      assertThat(log.repair()).isNull();
      assertThat(log.size()).isEqualTo(seen.size());
      log.append(new CustodyEvent.Hashed("x", null, null, -1, null, -1, -1));
    }
    assertThat(seen.get(0).type()).isEqualTo("case_opened");
    assertThat(seen.get(0).string("signing_public_key")).isEqualTo(key().publicKeyBase64());
    // genesis + 12 + periodic checkpoints (every 5) + the final one
    assertThat(seen.stream().filter(e -> e.type().equals("checkpoint")).count()).isEqualTo(3);
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i).prev()).isEqualTo(seen.get(i - 1).hash());
      assertThat(seen.get(i).seq()).isEqualTo(i);
    }
    assertThat(seen.get(2).event())
        .isInstanceOfSatisfying(
            CustodyEvent.Stored.class, s -> assertThat(s.path()).isEqualTo("photos/사진1.jpg"));
    // Lines are pure ASCII, so each byte is part of the hash as itself.
    byte[] bytes = Files.readAllBytes(dir.resolve("custody.log"));
    for (byte b : bytes) {
      assertThat(b).isBetween((byte) 0, (byte) 127);
    }
  }

  @Test
  void tornLastLineIsCutKeptAndLogged() throws Exception {
    fill(3);
    Path f = dir.resolve("custody.log");
    long whole = Files.size(f);
    String partial = "{\"seq\":99,\"time\":\"2026-01-01T00:00:00Z\",\"type\":\"sto";
    Files.writeString(f, partial, StandardOpenOption.APPEND);
    List<Entry> seen = new ArrayList<>();
    long before;
    try (CustodyLog log = open(seen)) {
      before = seen.size();
      assertThat(log.repair()).isNotNull();
      assertThat(log.repair().droppedBytes()).isEqualTo(partial.length());
      assertThat(Files.readString(log.repair().savedAs())).isEqualTo(partial);
      log.checkpoint();
    }
    List<Entry> after = new ArrayList<>();
    LogScan.Result r = LogScan.scan(f, after::add);
    assertThat(r.tornTail()).isNull();
    assertThat(after.get((int) before).type()).isEqualTo("log_repaired");
    assertThat(after.get((int) before).number("dropped_bytes", -1)).isEqualTo(partial.length());
    assertThat(Files.size(f)).isGreaterThan(whole);
  }

  @Test
  void damageInsideTheLogStopsOpeningAndNamesTheEntry() throws Exception {
    fill(6);
    Path f = dir.resolve("custody.log");
    List<String> lines = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
    lines.set(3, lines.get(3).replace("2.jpg", "9.jpg"));
    Files.write(f, lines, StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> open(null))
        .isInstanceOf(CustodyException.class)
        .hasMessageContaining("entry 3")
        .extracting(e -> ((CustodyException) e).seq())
        .isEqualTo(3L);
  }

  @Test
  void everySingleByteChangeIsCaught() throws Exception {
    fill(8);
    Path f = dir.resolve("custody.log");
    byte[] orig = Files.readAllBytes(f);
    Random r = new Random(11);
    for (int trial = 0; trial < 300; trial++) {
      byte[] bad = orig.clone();
      int at = r.nextInt(bad.length);
      bad[at] ^= (byte) (1 + r.nextInt(255));
      Files.write(f, bad);
      boolean caught;
      try {
        caught = LogScan.scan(f, e -> {}).tornTail() != null;
      } catch (CustodyException e) {
        caught = true;
      }
      assertThat(caught).as("byte %d", at).isTrue();
    }
  }

  @Test
  void anotherSigningKeyCannotContinueTheLog() throws Exception {
    fill(1);
    Files.delete(dir.resolve("keys/signing.key"));
    assertThatThrownBy(() -> open(null)).hasMessageContaining("another signing key");
  }

  @Test
  void inclusionProofsConvinceAThirdPartyAndOnlyForTheRealEntry() throws Exception {
    fill(13);
    Path f = dir.resolve("custody.log");
    for (long seq : new long[] {0, 1, 4, 7, 12}) {
      InclusionProof p = InclusionProof.build(f, seq);
      InclusionProof back = InclusionProof.fromJson(p.toJson());
      assertThat(back.check()).isNull();
      assertThat(back.index()).isEqualTo(seq);
      InclusionProof forged =
          new InclusionProof(
              p.entryLine().replace("\"time\":\"2", "\"time\":\"3"),
              p.index(),
              p.treeSize(),
              p.path(),
              p.checkpointLine(),
              p.publicKey());
      assertThat(forged.check()).isNotNull();
      InclusionProof otherKey =
          new InclusionProof(
              p.entryLine(),
              p.index(),
              p.treeSize(),
              p.path(),
              p.checkpointLine(),
              SigningKey.load(dir.resolve("other.key")).publicKeyBase64());
      assertThat(otherKey.check()).contains("signature");
    }
  }
}
