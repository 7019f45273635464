package org.haetae.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.haetae.cli.CliRun;
import org.haetae.demo.export.SyntheticExport;
import org.haetae.demo.export.SyntheticExport.Shape;
import org.haetae.hashing.ImageHasher;
import org.haetae.pipeline.scan.Scan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole scan on generated exports holding every message, media and service variant the reader
 * knows: two exports into one case, a bank made from one of the pictures, then verify, search, a
 * second scan, and tampering.
 */
class ScanCommandTest {
  @TempDir Path tmp;
  Path account;
  Path single;
  Path data;
  Path caseDir;

  @BeforeEach
  void setUp() throws Exception {
    account = tmp.resolve("account");
    single = tmp.resolve("single");
    data = tmp.resolve("data");
    caseDir = tmp.resolve("case");
    SyntheticExport.write(account, SyntheticExport.Options.everyVariant(5, Shape.ACCOUNT));
    SyntheticExport.write(
        single, new SyntheticExport.Options(6, Shape.SINGLE_CHAT, 1, 300, 12, false));
    // A "victim" bank of one picture that the single-chat export carries.
    Path picture;
    try (Stream<Path> s = Files.walk(single)) {
      picture =
          s.filter(p -> p.toString().endsWith(".jpg") || p.toString().endsWith(".png"))
              .sorted()
              .findFirst()
              .orElseThrow();
    }
    String pdq = new ImageHasher().hash(picture).pdq().hash().toHex();
    Path bank = tmp.resolve("bank.txt");
    Files.writeString(bank, pdq + "\n");
    CliRun imported = run("bank", "import", "victims", bank.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
  }

  private CliRun run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = data.toString();
    return CliRun.of(all);
  }

  private CliRun scan() {
    return run(
        "scan",
        account.toString(),
        single.toString(),
        "--bank",
        "victims",
        "--out",
        caseDir.toString());
  }

  @Test
  void scansTwoExportsIntoOneVerifiableCase() throws Exception {
    CliRun r = scan();
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 exports").contains("matched: ");
    assertThat(r.out()).doesNotContain("matched: 0 files");
    for (String f : List.of(Scan.ROOMS, Scan.GEXF, Scan.GRAPHML)) {
      assertThat(caseDir.resolve(f)).isRegularFile();
    }
    assertThat(caseDir.resolve("report.html")).isRegularFile();
    assertThat(caseDir.resolve("report.json")).isRegularFile();
    assertThat(caseDir.resolve("report.pdf")).isRegularFile();
    String log = Files.readString(caseDir.resolve("custody.log"));
    assertThat(log).contains("\"type\":\"matched\"").contains("\"type\":\"outputs\"");

    CliRun v = run("verify", caseDir.toString());
    assertThat(v.exitCode()).as(v.out() + v.err()).isZero();

    CliRun s = CliRun.of("search", caseDir.toString(), "안녕하세요", "--limit", "3");
    assertThat(s.exitCode()).as(s.err()).isZero();
    assertThat(s.out().lines().toList()).hasSize(3);
    assertThat(s.out()).contains("[안녕]하세요").contains("chat");
    CliRun bad = CliRun.of("search", caseDir.toString(), "\"unclosed");
    assertThat(bad.exitCode()).isEqualTo(2);

    // A second scan of the same exports adds no evidence and leaves a case that still verifies.
    long storedBefore = log.lines().filter(l -> l.contains("\"type\":\"stored\"")).count();
    CliRun again = scan();
    assertThat(again.exitCode()).as(again.err()).isZero();
    String log2 = Files.readString(caseDir.resolve("custody.log"));
    assertThat(log2.lines().filter(l -> l.contains("\"type\":\"stored\"")).count())
        .isEqualTo(storedBefore);
    assertThat(run("verify", caseDir.toString()).exitCode()).isZero();

    // An output changed after the scan is named by verify.
    Files.writeString(caseDir.resolve(Scan.GEXF), "<changed/>");
    CliRun broken = run("verify", caseDir.toString());
    assertThat(broken.exitCode()).isEqualTo(3);
    assertThat(broken.out() + broken.err()).contains("analysis/graph.gexf");
  }

  @Test
  void videosMatchByMd5() throws Exception {
    Path video;
    try (Stream<Path> s = Files.walk(account.resolve("video_files"))) {
      video = s.filter(p -> p.toString().endsWith(".mp4")).sorted().findFirst().orElseThrow();
    }
    String md5 =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("MD5").digest(Files.readAllBytes(video)));
    Path bank = tmp.resolve("videos.csv");
    Files.writeString(bank, "signal_type,signal_value,content_id\nvideo_md5," + md5 + ",VID-1\n");
    assertThat(run("bank", "import", "videos", bank.toString()).exitCode()).isZero();
    CliRun r = run("scan", account.toString(), "--bank", "videos", "--out", caseDir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String report = Files.readString(caseDir.resolve("report.json"));
    assertThat(report).contains("\"entry_id\" : \"VID-1\"").contains("\"how\" : \"md5\"");
  }

  @Test
  void aCutOffExportAndHostilePathsAreReportedNotFatal() throws Exception {
    Path cut = tmp.resolve("cut");
    SyntheticExport.write(cut, new SyntheticExport.Options(8, Shape.SINGLE_CHAT, 1, 400, 5, false));
    byte[] json = Files.readAllBytes(cut.resolve("result.json"));
    Files.write(cut.resolve("result.json"), java.util.Arrays.copyOf(json, json.length / 2));
    Path evil = Files.createDirectories(tmp.resolve("evil"));
    Files.writeString(
        evil.resolve("result.json"),
        """
        {"name":"x","type":"private_group","id":99,"messages":[
         {"id":1,"type":"message","date":"2024-01-01T00:00:00","date_unixtime":"1704067200",
          "from":"a","from_id":"user1","photo":"../../etc/passwd","text":"hi"},
         {"id":2,"type":"message","date":"2024-01-01T00:00:01","date_unixtime":"1704067201",
          "from":"b","from_id":"user2","photo":"/etc/shadow","text":"hi"}]}
        """);
    CliRun r =
        run(
            "scan",
            cut.toString(),
            evil.toString(),
            "--bank",
            "victims",
            "--out",
            caseDir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("is cut off");
    String report = Files.readString(caseDir.resolve("report.json"));
    assertThat(report)
        .contains("export_truncated")
        .contains("path_traversal")
        .contains("absolute_path");
    assertThat(run("verify", caseDir.toString()).exitCode()).isZero();
  }

  @Test
  void refusesBadArguments() throws Exception {
    CliRun noBank = run("scan", account.toString(), "--bank", "nope", "--out", caseDir.toString());
    assertThat(noBank.exitCode()).isEqualTo(2);
    assertThat(noBank.err()).contains("no bank named nope");
    CliRun notDir = run("scan", tmp.resolve("missing").toString(), "--out", caseDir.toString());
    assertThat(notDir.exitCode()).isEqualTo(2);
    assertThat(notDir.err()).contains("not a folder");
    Path lexicon = tmp.resolve("lexicon.txt");
    java.nio.file.Files.writeString(lexicon, "[solicitation]\nterm: 합성\nregex: (unclosed\n");
    CliRun badLexicon =
        run(
            "scan",
            account.toString(),
            "--lexicon",
            lexicon.toString(),
            "--out",
            caseDir.toString());
    assertThat(badLexicon.exitCode()).isEqualTo(2);
    assertThat(badLexicon.err()).contains("lexicon.txt:3").contains("bad regex");
    CliRun noLexicon =
        run(
            "scan",
            account.toString(),
            "--lexicon",
            tmp.resolve("none.txt").toString(),
            "--out",
            caseDir.toString());
    assertThat(noLexicon.exitCode()).isEqualTo(2);
    assertThat(noLexicon.err()).contains("no such lexicon file");
    CliRun noIndex = CliRun.of("search", tmp.toString(), "x");
    assertThat(noIndex.exitCode()).isEqualTo(2);
    assertThat(noIndex.err()).contains("no text index");
  }
}
