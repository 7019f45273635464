package org.haetae.cli.face;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.haetae.cli.CliRun;
import org.haetae.demo.export.SyntheticExport;
import org.haetae.demo.export.SyntheticExport.Shape;
import org.haetae.evidence.custody.Entry;
import org.haetae.evidence.custody.LogScan;
import org.haetae.faces.detect.Face;
import org.haetae.faces.evaluation.DemoPhotos;
import org.haetae.faces.evaluation.FaceSwap;
import org.haetae.faces.evaluation.Variants;
import org.haetae.faces.runtime.Pixels;
import org.haetae.faces.runtime.Sampler;
import org.haetae.faces.search.FaceEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The face search from the command line: a support worker enrols a woman from her photo (with
 * consent), an export carries a synthetic deepfake of her and an unrelated group photo, and the
 * scan finds her in the one and nobody in the other, logs what the models said, resumes without
 * looking again, and forgets her when she withdraws.
 */
class FaceScanTest {
  @TempDir static Path tmp;
  static Path export;
  static Path data;
  static Path herPhoto;
  static Path groupPhoto;
  static String fakeSha;
  static String otherSha;
  static int fakeWidth;
  static int fakeHeight;

  @BeforeAll
  static void material() throws Exception {
    data = tmp.resolve("data");
    export = tmp.resolve("export");
    SyntheticExport.write(
        export, new SyntheticExport.Options(6, Shape.SINGLE_CHAT, 1, 300, 12, false));
    List<Path> jpegs;
    try (Stream<Path> s = Files.walk(export)) {
      jpegs = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
    }
    assertThat(jpegs).hasSizeGreaterThanOrEqualTo(2);
    List<BufferedImage> demo = DemoPhotos.load();
    try (FaceEngine engine = FaceEngine.bundled(FaceEngine.Options.defaults())) {
      Face her = engine.detect(new Sampler(Pixels.of(demo.get(2)))).get(0);
      Face target = engine.detect(new Sampler(Pixels.of(demo.get(4)))).get(0);
      // Her own photo, cropped to her face: what she gives the support centre.
      herPhoto = tmp.resolve("her-photo.jpg");
      ImageIO.write(
          Variants.crop(demo.get(2), cropAround(her.box(), 1.8)), "jpg", herPhoto.toFile());
      // The deepfake: her face over a woman's in another photo, posted in the chat.
      BufferedImage fake =
          FaceSwap.paste(Pixels.of(demo.get(2)), her, Pixels.of(demo.get(4)), target, 1.0, 6)
              .toImage();
      ImageIO.write(fake, "jpg", jpegs.get(0).toFile());
      fakeWidth = fake.getWidth();
      fakeHeight = fake.getHeight();
      // A group photo she is not in.
      ImageIO.write(demo.get(5), "jpg", jpegs.get(1).toFile());
      groupPhoto = tmp.resolve("group.jpg");
      ImageIO.write(demo.get(0), "jpg", groupPhoto.toFile());
    }
    fakeSha = org.haetae.hashing.digest.ContentDigests.of(jpegs.get(0)).sha256();
    otherSha = org.haetae.hashing.digest.ContentDigests.of(jpegs.get(1)).sha256();
  }

  private static int[] cropAround(Face.Box b, double margin) {
    double cx = b.x() + b.width() / 2;
    double cy = b.y() + b.height() / 2;
    double half = Math.max(b.width(), b.height()) * margin / 2;
    return new int[] {(int) (cx - half), (int) (cy - half), (int) (cx + half), (int) (cy + half)};
  }

  private static CliRun run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = data.toString();
    return CliRun.of(all);
  }

  @Test
  void enrolScanResumeAndWithdraw() throws Exception {
    CliRun refused = run("face", "enrol", "alice", herPhoto.toString(), "--bank", "victims");
    assertThat(refused.exitCode()).as("no consent given").isNotZero();
    assertThat(refused.err()).contains("--consent");

    CliRun group =
        run(
            "face",
            "enrol",
            "bystander",
            groupPhoto.toString(),
            "--bank",
            "victims",
            "--consent",
            "consent of the person");
    assertThat(group.exitCode()).isEqualTo(2);
    assertThat(group.err()).contains("faces of similar size");

    CliRun enrol =
        run(
            "face",
            "enrol",
            "alice",
            herPhoto.toString(),
            "--bank",
            "victims",
            "--consent",
            "consent of the person",
            "--recorded-by",
            "staff-1");
    assertThat(enrol.exitCode()).as(enrol.err()).isZero();
    assertThat(enrol.out()).contains("enrolled alice in face bank victims: 1 template(s)");

    CliRun list = run("face", "list", "--bank", "victims");
    assertThat(list.out()).contains("alice").contains("consent of the person").contains("staff-1");
    // A raw embedding value, not the recording time (whose seconds can end in 0).
    assertThat(list.out()).doesNotContainPattern("(?<![:\\d])-?0\\.\\d{5,}");
    assertThat(Files.readAllBytes(data.resolve("faces/victims.facebank")))
        .asString(java.nio.charset.StandardCharsets.ISO_8859_1)
        .doesNotContain("alice");

    Path caseDir = tmp.resolve("case");
    CliRun scan = run("scan", export.toString(), "--faces", "victims", "--out", caseDir.toString());
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    assertThat(scan.out()).contains("enrolled faces: candidates in 1 images");

    JsonNode report = new ObjectMapper().readTree(caseDir.resolve("report.json").toFile());
    List<JsonNode> faceMatches = new ArrayList<>();
    report
        .get("matches")
        .forEach(
            m -> {
              if ("face".equals(m.get("how").asText())) {
                faceMatches.add(m);
              }
            });
    assertThat(faceMatches).isNotEmpty();
    for (JsonNode m : faceMatches) {
      assertThat(m.get("bank").asText()).isEqualTo("face:victims");
      assertThat(m.get("entry_id").asText()).isEqualTo("alice");
      assertThat(m.get("media_sha256").asText()).isEqualTo(fakeSha);
      assertThat(m.get("face").get("rank").asInt()).isEqualTo(1);
      assertThat(m.get("face").get("distance").asDouble()).isBetween(0.0, 0.49);
      assertThat(m.get("face").get("box")).hasSize(4);
    }
    // Like a hash match, the face match gives the poster a role that cites the post, and the
    // person a spread trail.
    long postId = faceMatches.get(0).get("message_id").asLong();
    List<String> citing = new ArrayList<>();
    report
        .get("accounts")
        .forEach(
            acc ->
                acc.get("roles")
                    .forEach(
                        role ->
                            role.get("evidence")
                                .forEach(
                                    ev -> {
                                      if (ev.get("message_id").asLong() == postId
                                          && !"member".equals(role.get("role").asText())) {
                                        citing.add(role.get("role").asText());
                                      }
                                    })));
    assertThat(citing).as("roles citing the deepfake's post").isNotEmpty();
    List<String> trails = new ArrayList<>();
    report
        .get("spread")
        .forEach(t -> trails.add(t.get("bank").asText() + "/" + t.get("entry_id").asText()));
    assertThat(trails).contains("face:victims/alice");
    JsonNode fakeItem = mediaItem(report, fakeSha);
    assertThat(fakeItem.get("signals").get("faces").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(fakeItem.get("signals").get("explicit").asDouble()).isBetween(0.0, 1.0);
    assertThat(fakeItem.get("signals").get("width").asInt()).isEqualTo(fakeWidth);
    assertThat(fakeItem.get("signals").get("height").asInt()).isEqualTo(fakeHeight);
    assertThat(mediaItem(report, otherSha).get("signals").get("faces").asInt()).isEqualTo(4);

    List<Entry> log = custody(caseDir);
    List<Entry> faces = log.stream().filter(e -> e.type().equals("faces")).toList();
    assertThat(faces).extracting(e -> e.string("sha256")).contains(fakeSha, otherSha);
    assertThat(lastMatched(log).number("images_with_face_candidates", -1)).isEqualTo(1);
    assertThat(run("verify", caseDir.toString()).exitCode()).isZero();

    // Again: nothing changed, so no image is looked at twice.
    CliRun again =
        run("scan", export.toString(), "--faces", "victims", "--out", caseDir.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(lastMatched(custody(caseDir)).number("images_looked_at", -1)).isZero();

    // She withdraws: her templates go, and the next scan looks again and finds no one.
    CliRun removed = run("face", "remove", "alice", "--bank", "victims");
    assertThat(removed.exitCode()).as(removed.err()).isZero();
    CliRun after =
        run("scan", export.toString(), "--faces", "victims", "--out", caseDir.toString());
    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(lastMatched(custody(caseDir)).number("images_looked_at", -1)).isPositive();
    JsonNode report2 = new ObjectMapper().readTree(caseDir.resolve("report.json").toFile());
    report2.get("matches").forEach(m -> assertThat(m.get("how").asText()).isNotEqualTo("face"));
  }

  private static JsonNode mediaItem(JsonNode report, String sha) {
    for (JsonNode m : report.get("media")) {
      if (m.get("sha256").asText().equals(sha)) {
        return m;
      }
    }
    throw new AssertionError("no media item " + sha);
  }

  private static List<Entry> custody(Path caseDir) throws Exception {
    List<Entry> entries = new ArrayList<>();
    LogScan.scan(caseDir.resolve("custody.log"), entries::add);
    return entries;
  }

  private static Entry lastMatched(List<Entry> log) {
    Entry last = null;
    for (Entry e : log) {
      if (e.type().equals("matched")) {
        last = e;
      }
    }
    assertThat(last).isNotNull();
    return last;
  }
}
