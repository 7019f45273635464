package org.haetae.report.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.evidence.custody.CustodyLog;
import org.haetae.evidence.custody.Entry;
import org.haetae.evidence.custody.LogScan;
import org.haetae.evidence.keys.SigningKey;
import org.haetae.evidence.merkle.MerkleTree;
import org.haetae.report.CaseFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceManifestTest {
  @TempDir Path dir;
  CaseFixture.Built c;
  EvidenceManifest manifest;

  @BeforeEach
  void setUp() throws Exception {
    c = CaseFixture.build(dir);
    manifest = EvidenceManifest.read(c.folder());
  }

  @Test
  void listsEachContentOnceWithEveryFileThatHadIt() {
    assertThat(manifest.caseId()).isEqualTo(CaseFixture.CASE_ID);
    assertThat(manifest.items()).hasSize(5);
    assertThat(manifest.items().stream().mapToInt(i -> i.occurrences().size()).sum())
        .isEqualTo(c.storedEntries());
    ManifestItem first = item(c.images().get(0));
    assertThat(first.occurrences())
        .extracting(Occurrence::path)
        .containsExactly("photos/photo_0.jpg", CaseFixture.FORMULA_PATH);
    assertThat(first.kind()).isEqualTo("image");
    assertThat(first.image()).isNotNull();
    assertThat(first.image().quality()).isEqualTo(90);
    assertThat(item(c.video()).image()).isNull();
    assertThat(item(c.video()).kind()).isEqualTo("video");
    assertThat(manifest.notStored())
        .singleElement()
        .extracting(NotStored::reason)
        .isEqualTo("symbolic_link");
  }

  @Test
  void anEntryWithoutExportBelongsToTheAcquisitionBeforeIt() {
    ManifestItem second = item(c.images().get(1));
    assertThat(second.occurrences())
        .extracting(Occurrence::export)
        .containsExactly(CaseFixture.EXPORT_1, CaseFixture.EXPORT_2);
  }

  @Test
  void rowsPointAtTheLogEntriesThatRecordedThem() throws Exception {
    Map<Long, Entry> bySeq = new HashMap<>();
    LogScan.scan(c.folder().custodyLog(), e -> bySeq.put(e.seq(), e));
    for (ManifestItem i : manifest.items()) {
      for (Occurrence o : i.occurrences()) {
        Entry e = bySeq.get(o.seq());
        assertThat(e.type()).isEqualTo("stored");
        assertThat(e.hash()).isEqualTo(o.entryHash());
        assertThat(e.string("sha256")).isEqualTo(i.sha256());
        assertThat(e.string("path")).isEqualTo(o.path());
        assertThat(e.number("size", -1)).isEqualTo(i.size());
      }
    }
  }

  @Test
  void rootIsTheOneTheNextSignedCheckpointCarries() throws Exception {
    List<byte[]> leaves = new ArrayList<>();
    LogScan.scan(
        c.folder().custodyLog(),
        e -> leaves.add(MerkleTree.leafHash(HexFormat.of().parseHex(e.hash()))));
    assertThat(manifest.entries()).isEqualTo(leaves.size());
    assertThat(manifest.merkleRoot()).isEqualTo(HexFormat.of().formatHex(MerkleTree.root(leaves)));
    assertThat(manifest.lastCheckpoint()).isNotNull();
    assertThat(manifest.lastCheckpoint().size()).isEqualTo(manifest.entries() - 1);

    // A checkpoint signed now covers exactly what the manifest covered.
    Entry checkpoint;
    try (CustodyLog log =
        CustodyLog.open(
            c.folder().custodyLog(),
            SigningKey.load(dir.resolve("keys/signing.key")),
            CustodyLog.Genesis.NONE,
            1000,
            Clock.systemUTC(),
            e -> {})) {
      checkpoint = log.checkpoint();
    }
    assertThat(checkpoint.number("size", -1)).isEqualTo(manifest.entries());
    assertThat(checkpoint.string("head")).isEqualTo(manifest.head());
    assertThat(checkpoint.string("root")).isEqualTo(manifest.merkleRoot());
  }

  @Test
  void jsonHoldsItemsFilesAndTheLogFigures() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    manifest.writeJson(out);
    JsonNode json = new ObjectMapper().readTree(out.toByteArray());
    assertThat(json.get("case_id").asText()).isEqualTo(CaseFixture.CASE_ID);
    assertThat(json.at("/custody_log/merkle_root").asText()).isEqualTo(manifest.merkleRoot());
    assertThat(json.at("/custody_log/head").asText()).isEqualTo(manifest.head());
    assertThat(json.at("/custody_log/entries").asLong()).isEqualTo(manifest.entries());
    assertThat(json.at("/custody_log/last_checkpoint/root").isTextual()).isTrue();
    assertThat(json.get("items")).hasSize(5);
    assertThat(json.get("file_count").asInt()).isEqualTo(c.storedEntries());
    JsonNode first = json.get("items").get(0);
    assertThat(first.get("sha256").asText()).isEqualTo(c.images().get(0));
    assertThat(first.at("/files/1/path").asText()).isEqualTo(CaseFixture.FORMULA_PATH);
    assertThat(first.at("/files/0/entry_hash").asText()).hasSize(64);
    assertThat(first.at("/hashed/pdq").asText()).isEqualTo("f0".repeat(32));
    assertThat(json.at("/not_stored/0/path").asText()).isEqualTo("files/link_to_etc");
  }

  @Test
  void csvHasOneQuotedRowPerFileAndDisarmsFormulas() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    manifest.writeCsv(out);
    String csv = out.toString(StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).isEqualTo(String.join(",", EvidenceManifest.CSV_COLUMNS));
    assertThat(lines).hasSize(1 + c.storedEntries());
    assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
    assertThat(csv).contains("\"chats/chat_01/photos/같은사진,복사본.jpg\"");
    assertThat(csv).doesNotContain(",=HYPERLINK");
    assertThat(lines.get(1)).startsWith(c.images().get(0) + ",");
  }

  @Test
  void aBrokenLogGivesNoManifest() throws Exception {
    Path log = c.folder().custodyLog();
    String text = Files.readString(log);
    Files.writeString(log, text.replace("photos/photo_1.jpg", "photos/photo_9.jpg"));
    assertThatThrownBy(() -> EvidenceManifest.read(c.folder()))
        .isInstanceOf(CustodyException.class);
  }

  private ManifestItem item(String sha) {
    return manifest.items().stream().filter(i -> i.sha256().equals(sha)).findFirst().orElseThrow();
  }
}
