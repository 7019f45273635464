package org.haetae.matching.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.haetae.hashing.pdq.Dihedral;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.matching.bank.BankEntry;
import org.haetae.matching.bank.BankFormat;
import org.haetae.matching.bank.Provenance;
import org.haetae.matching.store.FileBankStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatcherTest {
  @TempDir Path dir;
  FileBankStore store;

  static final Hash256 A =
      Hash256.fromHex("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
  static final Hash256 B =
      Hash256.fromHex("30a10efd71cc3d429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af");
  static final String MD5 = "0123456789abcdef0123456789abcdef";
  static final Provenance PROV =
      new Provenance("f", "00".repeat(32), BankFormat.PDQ, "t", Instant.EPOCH);

  static Hash256 flip(Hash256 h, int bits) {
    for (int i = 0; i < bits; i++) {
      h = h.withBitFlipped(i * 7);
    }
    return h;
  }

  @BeforeEach
  void banks() throws IOException {
    store = new FileBankStore(dir);
    store.append(
        "one",
        PROV,
        sink -> {
          sink.accept(new BankEntry(A, 100, null, null, "a", Map.of()));
          sink.accept(new BankEntry(flip(A, 20), 100, null, null, "a20", Map.of()));
          sink.accept(new BankEntry(flip(A, 32), 100, null, null, "a32", Map.of()));
          sink.accept(new BankEntry(null, -1, MD5, null, "m", Map.of()));
        });
    store.append(
        "two",
        PROV,
        sink -> {
          sink.accept(new BankEntry(flip(A, 5), 100, null, null, "t5", Map.of()));
          sink.accept(new BankEntry(B, 100, MD5, null, "both", Map.of()));
        });
  }

  @Test
  void findsEveryEntryWithinTheRadiusNearestFirstAcrossBanks() throws IOException {
    Matcher m = Matcher.load(store, List.of("one", "two"), Matcher.Settings.DEFAULT);
    MatchResult r = m.match(Query.ofPdq(A, 90));
    assertThat(r.lowQuality()).isFalse();
    assertThat(r.matches())
        .extracting(x -> x.bank() + "/" + x.entryId() + "/" + x.sourceId() + "/" + x.distance())
        .containsExactly("one/1/a/0", "two/1/t5/5", "one/2/a20/20");
  }

  @Test
  void lowQualityIsReportedAndNotPdqMatchedButDigestsStillAre() throws IOException {
    Matcher m = Matcher.load(store, List.of("one", "two"), Matcher.Settings.DEFAULT);
    MatchResult r = m.match(new Query(A, 49, Map.of(), MD5, null));
    assertThat(r.lowQuality()).isTrue();
    assertThat(r.matches())
        .extracting(x -> x.bank() + "/" + x.sourceId() + "/" + x.kind())
        .containsExactly("one/m/MD5", "two/both/MD5");
  }

  @Test
  void exactDigestAndPdqOnOneEntryGiveOneRow() throws IOException {
    Matcher m = Matcher.load(store, List.of("two"), new Matcher.Settings(10, 50));
    MatchResult r = m.match(new Query(B, 100, Map.of(), MD5, null));
    assertThat(r.matches()).singleElement().extracting(Match::sourceId).isEqualTo("both");
  }

  @Test
  void radiusAndMinQualityAreSettings() throws IOException {
    Matcher wide = Matcher.load(store, List.of("one"), new Matcher.Settings(32, 10));
    assertThat(wide.match(Query.ofPdq(A, 20)).matches()).hasSize(3);
    Matcher narrow = Matcher.load(store, List.of("one"), new Matcher.Settings(0, 50));
    assertThat(narrow.match(Query.ofPdq(A, 60)).matches()).hasSize(1);
  }

  @Test
  void dihedralVariantsMatchRotatedCopiesAndSayWhich() throws IOException {
    Matcher m = Matcher.load(store, List.of("two"), Matcher.Settings.DEFAULT);
    Hash256 unrelated = new Hash256(1, 2, 3, 4);
    Map<Dihedral, Hash256> variants = new EnumMap<>(Dihedral.class);
    for (Dihedral d : Dihedral.values()) {
      variants.put(d, unrelated);
    }
    variants.put(Dihedral.ROTATE_90, flip(B, 3));
    assertThat(m.match(Query.ofPdq(unrelated, 100)).matches()).isEmpty();
    MatchResult r = m.match(new Query(unrelated, 100, variants, null, null));
    assertThat(r.matches())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.variant()).isEqualTo(Dihedral.ROTATE_90);
              assertThat(x.distance()).isEqualTo(3);
            });
  }

  @Test
  void repeatedHashesAreIndexedOnceButEveryEntryIsReported() throws IOException {
    store.append(
        "three",
        PROV,
        sink -> {
          sink.accept(new BankEntry(A, 100, "aa".repeat(16), null, "dup1", Map.of()));
          sink.accept(new BankEntry(A, 100, "bb".repeat(16), null, "dup2", Map.of()));
        });
    Matcher m = Matcher.load(store, List.of("one", "two", "three"), Matcher.Settings.DEFAULT);
    assertThat(m.size()).isEqualTo(8);
    assertThat(m.distinctPdqs()).as("A appears three times, once per entry").isEqualTo(5);
    assertThat(m.match(Query.ofPdq(A, 100)).matches())
        .extracting(x -> x.bank() + "/" + x.sourceId() + "/" + x.distance())
        .containsExactly("one/a/0", "three/dup1/0", "three/dup2/0", "two/t5/5", "one/a20/20");
  }

  @Test
  void sha256MatchesExactlyAndPdqlessQueriesWork() throws IOException {
    String sha = "5e".repeat(32);
    store.append(
        "digests", PROV, sink -> sink.accept(new BankEntry(null, -1, null, sha, "s1", Map.of())));
    Matcher m = Matcher.load(store, List.of("digests", "one"), Matcher.Settings.DEFAULT);
    assertThat(m.match(new Query(null, -1, Map.of(), null, sha)).matches())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.kind()).isEqualTo(MatchKind.SHA256);
              assertThat(x.distance()).isZero();
              assertThat(x.sourceId()).isEqualTo("s1");
            });
    assertThat(m.match(new Query(null, -1, Map.of(), null, "5f".repeat(32))).matches()).isEmpty();
  }
}
