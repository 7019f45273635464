package org.haetae.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.haetae.cli.CliRun;
import org.haetae.demo.export.SyntheticExport;
import org.haetae.demo.export.SyntheticExport.Shape;
import org.haetae.evidence.custody.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
  @TempDir Path tmp;

  private Path export;
  private Path caseDir;
  private Path data;

  private SyntheticExport.Manifest export(SyntheticExport.Options o) throws Exception {
    export = tmp.resolve("export");
    caseDir = tmp.resolve("case");
    data = tmp.resolve("data");
    return SyntheticExport.write(export, o);
  }

  private CliRun ingest() {
    return CliRun.of(
        "ingest", export.toString(), "--case", caseDir.toString(), "--data-dir", data.toString());
  }

  private CliRun verify() {
    return CliRun.of("verify", caseDir.toString(), "--data-dir", data.toString());
  }

  @Test
  void ingestsEveryFileAndEveryVariantThenVerifies() throws Exception {
    SyntheticExport.Manifest m = export(SyntheticExport.Options.everyVariant(21, Shape.ACCOUNT));
    Path outside = Files.writeString(tmp.resolve("outside.jpg"), "not evidence");
    Files.createSymbolicLink(export.resolve("photos/link.jpg"), outside);

    CliRun r = ingest();
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains(m.messages() + " messages in " + m.chats() + " chats");

    CaseInspection c = new CaseInspection(caseDir);
    // Every regular file of the export is stored exactly once, under its path.
    List<String> files = CaseInspection.regularFiles(export);
    assertThat(c.counts("stored", "path")).containsOnlyKeys(files);
    assertThat(c.counts("stored", "path").values()).containsOnly(1L);
    // The link out is listed, not followed.
    assertThat(c.ofType("not_stored"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.string("path")).isEqualTo("photos/link.jpg");
              assertThat(e.string("reason")).isEqualTo("symlink");
            });
    // Each distinct picture is hashed once; nothing else is.
    Set<String> pictures = new HashSet<>();
    for (String f : files) {
      byte[] b = Files.readAllBytes(export.resolve(f));
      if (b.length > 3 && ((b[0] & 0xff) == 0xFF || (b[0] & 0xff) == 0x89)) {
        pictures.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)));
      }
    }
    assertThat(c.counts("hashed", "sha256")).containsOnlyKeys(pictures);
    assertThat(c.counts("hashed", "sha256").values()).containsOnly(1L);
    for (Entry h : c.ofType("hashed")) {
      assertThat(h.string("pdq")).hasSize(64);
      assertThat(h.string("md5")).hasSize(32);
    }
    // Acquisition names result.json by its digest.
    byte[] result = Files.readAllBytes(export.resolve("result.json"));
    assertThat(c.ofType("acquisition").get(0).string("result_json_sha256"))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(result)));
    // Records: one line per message, per chat; findings for each missing media reference.
    Path records = CaseInspection.records(caseDir);
    assertThat(CaseInspection.lines(records.resolve("messages.jsonl"))).isEqualTo(m.messages());
    assertThat(CaseInspection.lines(records.resolve("chats.jsonl"))).isEqualTo(m.chats());
    assertThat(Files.readAllLines(records.resolve("findings.jsonl")))
        .filteredOn(l -> l.contains("\"media_missing\""))
        .hasSize((int) m.missingMediaRefs());
    // One media line per reference, present or not, joinable to stored entries by path.
    assertThat(CaseInspection.lines(records.resolve("media.jsonl"))).isEqualTo(m.mediaRefs());
    for (String line : Files.readAllLines(records.resolve("media.jsonl"))) {
      java.util.regex.Matcher rel =
          java.util.regex.Pattern.compile("\"relative_path\":\"([^\"]+)\"").matcher(line);
      if (rel.find()) {
        assertThat(c.counts("stored", "path")).containsKey(rel.group(1));
      }
    }
    String firstMessage = Files.readAllLines(records.resolve("messages.jsonl")).get(0);
    assertThat(firstMessage).contains("\"chat_ordinal\":0").contains("\"raw\":{");
    assertThat(c.entries.get(c.entries.size() - 1).type()).isEqualTo("checkpoint");

    CliRun v = verify();
    assertThat(v.exitCode()).as(v.out()).isZero();
    assertThat(v.out()).contains("intact");
  }

  @Test
  void aCaseFolderInsideTheExportDoesNotSwallowItself() throws Exception {
    export(new SyntheticExport.Options(5, Shape.SINGLE_CHAT, 1, 20, 3, false));
    caseDir = export.resolve("case");
    assertThat(ingest().exitCode()).isZero();
    assertThat(ingest().exitCode()).isZero();
    CaseInspection c = new CaseInspection(caseDir);
    assertThat(c.ofType("stored"))
        .allSatisfy(e -> assertThat(e.string("path")).doesNotStartWith("case/"));
    assertThat(c.ofType("stored"))
        .hasSize(
            CaseInspection.regularFiles(export).stream()
                .filter(p -> !p.startsWith("case/"))
                .toList()
                .size());
    assertThat(verify().exitCode()).isZero();
  }

  @Test
  void runningAgainAddsNothing() throws Exception {
    export(new SyntheticExport.Options(4, Shape.SINGLE_CHAT, 1, 200, 12, false));
    assertThat(ingest().exitCode()).isZero();
    CaseInspection first = new CaseInspection(caseDir);
    CliRun again = ingest();
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("0 stored now").contains("(continued)");
    CaseInspection second = new CaseInspection(caseDir);
    assertThat(second.ofType("stored")).hasSameSizeAs(first.ofType("stored"));
    assertThat(second.ofType("hashed")).hasSameSizeAs(first.ofType("hashed"));
    assertThat(second.ofType("records")).hasSize(1);
    assertThat(second.ofType("run_completed")).hasSize(2);
    assertThat(verify().exitCode()).isZero();
  }

  @Test
  void cutOffExportIsIngestedUpToTheCutAndSaysSo() throws Exception {
    export(new SyntheticExport.Options(8, Shape.ACCOUNT, 2, 100, 6, false));
    Path json = export.resolve("result.json");
    byte[] b = Files.readAllBytes(json);
    Files.write(json, Arrays.copyOf(b, b.length * 2 / 3));
    CliRun r = ingest();
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("export truncated").contains("at byte");
    String summary = Files.readString(CaseInspection.records(caseDir).resolve("summary.json"));
    assertThat(summary).contains("\"complete\" : false");
    long read = CaseInspection.lines(CaseInspection.records(caseDir).resolve("messages.jsonl"));
    assertThat(read).isBetween(100L, 199L);
    // The media are all still stored: they are files of the export, cut JSON or not.
    assertThat(new CaseInspection(caseDir).ofType("stored"))
        .hasSize(CaseInspection.regularFiles(export).size());
    assertThat(verify().exitCode()).isZero();
  }

  @Test
  void badInputIsExitTwo() throws Exception {
    export(new SyntheticExport.Options(2, Shape.SINGLE_CHAT, 1, 5, 1, false));
    assertThat(
            CliRun.of("ingest", tmp.resolve("nope").toString(), "--case", caseDir.toString())
                .exitCode())
        .isEqualTo(2);
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    CliRun noJson =
        CliRun.of(
            "ingest",
            empty.toString(),
            "--case",
            caseDir.toString(),
            "--data-dir",
            data.toString());
    assertThat(noJson.exitCode()).isEqualTo(2);
    assertThat(noJson.err()).contains("no result.json");
    CliRun same =
        CliRun.of(
            "ingest",
            export.toString(),
            "--case",
            export.toString(),
            "--data-dir",
            data.toString());
    assertThat(same.exitCode()).isEqualTo(2);
    assertThat(same.err()).contains("cannot be the export folder");
    assertThat(ingest().exitCode()).isZero();
    // A changed result.json is another export: it goes into the same case beside the first.
    Files.writeString(export.resolve("result.json"), "{}", StandardOpenOption.APPEND);
    CliRun other = ingest();
    assertThat(other.exitCode()).isZero();
    List<Entry> entries = new CaseInspection(caseDir).entries;
    assertThat(entries.stream().filter(e -> e.type().equals("acquisition")).count()).isEqualTo(2);
    assertThat(entries.stream().filter(e -> e.type().equals("records")).count()).isEqualTo(2);
    assertThat(entries.get(entries.size() - 1).type()).isEqualTo("checkpoint");
  }

  @Test
  void anotherVaultKeyIsRefused() throws Exception {
    export(new SyntheticExport.Options(2, Shape.SINGLE_CHAT, 1, 5, 1, false));
    assertThat(ingest().exitCode()).isZero();
    CliRun r =
        CliRun.of(
            "ingest",
            export.toString(),
            "--case",
            caseDir.toString(),
            "--data-dir",
            data.toString(),
            "--key-file",
            tmp.resolve("other.key").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("not this case's key");
  }

  @Test
  void tornLastLineIsRepairedAndDamageElsewhereStopsIngest() throws Exception {
    export(new SyntheticExport.Options(3, Shape.SINGLE_CHAT, 1, 30, 4, false));
    assertThat(ingest().exitCode()).isZero();
    Path log = caseDir.resolve("custody.log");
    Files.writeString(log, "{\"seq\":99,\"ti", StandardOpenOption.APPEND);
    CliRun broken = verify();
    assertThat(broken.exitCode()).isEqualTo(3);
    assertThat(broken.out()).contains("torn");
    CliRun repaired = ingest();
    assertThat(repaired.exitCode()).isZero();
    assertThat(repaired.err()).contains("torn last line");
    assertThat(new CaseInspection(caseDir).ofType("log_repaired")).hasSize(1);
    assertThat(verify().exitCode()).isZero();

    List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    lines.set(5, lines.get(5).replaceFirst("\"seq\":5", "\"seq\":6"));
    Files.write(log, lines, StandardCharsets.ISO_8859_1);
    CliRun refused = ingest();
    assertThat(refused.exitCode()).isEqualTo(3);
    assertThat(refused.err()).contains("entry 5");
  }
}
