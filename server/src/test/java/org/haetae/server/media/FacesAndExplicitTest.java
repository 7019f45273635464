package org.haetae.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haetae.server.FaceFixtures.scored;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.haetae.analysis.result.BankMatch;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.MediaItem;
import org.haetae.analysis.result.MessageRef;
import org.haetae.demo.export.SyntheticExport;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.casefolder.CaseVerifier;
import org.haetae.evidence.vault.Vault;
import org.haetae.matching.match.Matcher.Settings;
import org.haetae.matching.store.FileBankStore;
import org.haetae.pipeline.keys.Keys;
import org.haetae.pipeline.progress.ProgressSink;
import org.haetae.pipeline.scan.Scan;
import org.haetae.server.FaceFixtures;
import org.haetae.server.access.ApiTokens;
import org.haetae.server.cases.CaseStore;
import org.haetae.server.users.UserRole;
import org.haetae.server.users.UserStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The face stage's results in the service, over real HTTP against the real (embedded) PostgreSQL: a
 * case scanned into a real case folder (vault, custody log), whose analysis then gets explicit
 * scores and enrolled-face matches as {@code report.json} carries them. The review queue puts the
 * worst first; a likely explicit picture is revealed only on a second choice, and the reveal is
 * audited and logged with its score; face matches are shown as leads, never as identifications.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacesAndExplicitTest {
  static Path data;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry r) throws Exception {
    data = Files.createTempDirectory("haetae-faces-test");
    r.add("haetae.data-dir", data::toString);
  }

  @LocalServerPort int port;
  @Autowired CaseStore cases;
  @Autowired UserStore users;
  @Autowired ApiTokens tokens;
  @Autowired JdbcClient jdbc;

  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  String token;
  UUID id;
  Path folder;
  Keys keys;

  /** Matched by an enrolled face, explicit 0.9375: first in the review queue. */
  String faceHit;

  /** Unmatched, explicit 0.96875: first of the unmatched; revealed only when confirmed. */
  String worst;

  /** Unmatched, explicit 0.09375: revealed at once. */
  String mild;

  /** Matched by an enrolled face, never scored: after the scored matched file. */
  String faceUnscored;

  /** Never scored. */
  List<String> rest;

  @BeforeAll
  void scanAndImport() throws Exception {
    users.put("fay", "fay-password-1", UserRole.INVESTIGATOR);
    token = tokens.issue("fay", "test");
    Path export = data.resolve("imports/room");
    SyntheticExport.write(
        export, new SyntheticExport.Options(5, SyntheticExport.Shape.SINGLE_CHAT, 1, 60, 6, false));
    keys = Keys.load(data, null, true);
    folder = data.resolve("cases").resolve(UUID.randomUUID().toString());
    CaseAnalysis scanned =
        new Scan(
                new CaseFolder(folder),
                keys.vault(),
                keys.signing(),
                new FileBankStore(data.resolve("banks")),
                new Scan.Options(
                    List.of(export),
                    List.of(),
                    Settings.DEFAULT,
                    null,
                    2,
                    false,
                    ProgressSink.SILENT))
            .run()
            .analysis();
    List<MediaItem> images =
        scanned.media().stream()
            .filter(m -> m.kind().equals("image"))
            .sorted(Comparator.comparing(MediaItem::sha256))
            .toList();
    assertThat(images).hasSizeGreaterThanOrEqualTo(5);
    faceHit = images.get(0).sha256();
    worst = images.get(1).sha256();
    mild = images.get(2).sha256();
    faceUnscored = images.get(3).sha256();
    List<MediaItem> media = new ArrayList<>();
    List<BankMatch> matches = new ArrayList<>();
    for (MediaItem m : scanned.media()) {
      String sha = m.sha256();
      if (sha.equals(faceHit)) {
        // The scan's face stage records the picture's size, the frame of its face boxes.
        BufferedImage picture =
            ImageIO.read(
                new ByteArrayInputStream(
                    new Vault(new CaseFolder(folder).evidence(), keys.vault(), false).read(sha)));
        media.add(
            FaceFixtures.with(
                m, scored(0.875, 0.0625, 2, picture.getWidth(), picture.getHeight()), true));
        for (MessageRef at : m.messages()) {
          matches.add(FaceFixtures.face(at, sha, "enrolled", "P-0042", 0.4375, 1, 4, 6, 12, 10));
          matches.add(FaceFixtures.face(at, sha, "enrolled", "P-0007", 0.5, 2, 4, 6, 12, 10));
        }
      } else if (sha.equals(worst)) {
        media.add(FaceFixtures.with(m, scored(0.9375, 0.03125, 0), false));
      } else if (sha.equals(mild)) {
        media.add(FaceFixtures.with(m, scored(0.0625, 0.03125, 0), false));
      } else if (sha.equals(faceUnscored)) {
        media.add(FaceFixtures.with(m, null, true));
        for (MessageRef at : m.messages()) {
          matches.add(FaceFixtures.face(at, sha, "enrolled", "P-0042", 0.45, 1, 0, 0, 8, 8));
        }
      } else {
        media.add(m);
      }
    }
    rest =
        images.subList(4, images.size()).stream()
            .sorted(
                Comparator.comparing((MediaItem m) -> -m.messageCount())
                    .thenComparing(MediaItem::sha256))
            .map(MediaItem::sha256)
            .toList();
    id = cases.put(FaceFixtures.with(scanned, media, matches), "faces", folder.toString());
    users.assign(id, "fay");
  }

  private HttpResponse<String> send(String method, String path, String form, boolean page)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                form == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(form));
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded");
    }
    if (page) {
      b.header("Accept", "text/html");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A page, or the API's JSON for a path under /api. */
  private String page(String path) throws Exception {
    HttpResponse<String> r = send("GET", path, null, !path.startsWith("/api/"));
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  /** The files of a listing or a grid, in their order, each once. */
  private static List<String> files(String body, String pattern) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(pattern).matcher(body);
    while (m.find()) {
      if (!out.contains(m.group(1))) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  private List<String> apiOrder(String query) throws Exception {
    String body = page("/api/v1/cases/" + id + "/media?size=200" + query);
    return files(body, "\"sha256\":\"([0-9a-f]{64})\"");
  }

  private long reveals(String sha) {
    return jdbc.sql("select count(*) from audit where action = 'media_revealed' and target = ?")
        .param(sha)
        .query(Long.class)
        .single();
  }

  private List<String> custodyReveals(String sha) throws Exception {
    return Files.readAllLines(folder.resolve("custody.log")).stream()
        .filter(l -> l.contains(sha) && l.contains("\"revealed\":true"))
        .toList();
  }

  @Test
  void theReviewQueuePutsVictimsFilesFirstAndTheMostExplicitFirst() throws Exception {
    List<String> review = new ArrayList<>(List.of(faceHit, faceUnscored, worst, mild));
    review.addAll(rest);
    assertThat(apiOrder("")).isEqualTo(review);
    assertThat(apiOrder("&order=review")).isEqualTo(review);
    List<String> gentle = new ArrayList<>(List.of(faceHit, faceUnscored, mild, worst));
    gentle.addAll(rest);
    assertThat(apiOrder("&order=least-explicit")).isEqualTo(gentle);
    assertThat(apiOrder("&order=date")).containsExactlyInAnyOrderElementsOf(review);
    HttpResponse<String> bad = send("GET", "/api/v1/cases/" + id + "/media?order=x", null, false);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("order is review, least-explicit, date or posts");

    // The JSON listing carries what the models said.
    String listing = page("/api/v1/cases/" + id + "/media?size=1");
    assertThat(listing)
        .contains("\"sha256\":\"" + faceHit + "\"")
        .contains("\"faces\":2")
        .contains("\"explicit\":0.9375")
        .contains("\"model\":\"" + FaceFixtures.CLASSIFIER + "\"")
        .contains("\"topClass\":\"porn\"")
        .contains("\"porn\":0.875");

    // The grid: the same order, each scored thumbnail with its badge, still blurred.
    String grid = page("/cases/" + id + "/media?size=200");
    assertThat(files(grid, "href=\"/cases/[^/]+/media/([0-9a-f]{64})\"")).isEqualTo(review);
    assertThat(grid)
        .contains("0.94 · porn")
        .contains(
            "explicit score 0.97 (model nsfwjs-4.4.0/mobilenet_v2) — a triage signal, not a"
                + " finding")
        .contains("thumbnail=true")
        .doesNotContain("reveal=true");
    String gentleGrid = page("/cases/" + id + "/media?size=200&order=least-explicit");
    assertThat(files(gentleGrid, "href=\"/cases/[^/]+/media/([0-9a-f]{64})\"")).isEqualTo(gentle);
    assertThat(gentleGrid).contains("<option value=\"least-explicit\" selected=\"selected\">");
    assertThat(send("GET", "/cases/" + id + "/media?order=x", null, true).statusCode())
        .isEqualTo(400);
  }

  @Test
  void aLikelyExplicitPictureIsRevealedOnlyOnASecondChoiceAndTheRevealRecordsItsScore()
      throws Exception {
    String file = "/cases/" + id + "/media/" + worst;
    // Its page offers a form that asks again, not the one-click reveal.
    String one = page(file);
    assertThat(one)
        .contains("id=\"reveal-explicit\"")
        .contains("action=\"" + file + "/reveal\"")
        .contains("explicit score 0.97 (model nsfwjs-4.4.0/mobilenet_v2) — a triage signal")
        .doesNotContain("data-reveal-src");

    // The first choice: a page that asks again, and reveals and records nothing.
    HttpResponse<String> asked = send("POST", file + "/reveal", "", true);
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(asked.body())
        .contains("name=\"confirm\" value=\"true\"")
        .contains("explicit score of 0.97")
        .doesNotContain("data:image/jpeg");
    assertThat(reveals(worst)).isZero();
    assertThat(custodyReveals(worst)).isEmpty();
    // Nor does the API reveal it without the second choice.
    String api = "/api/v1/cases/" + id + "/media/" + worst;
    HttpResponse<String> refused = send("GET", api + "?reveal=true", null, false);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(refused.body()).contains("confirm=true");
    assertThat(reveals(worst)).isZero();

    // The second choice reveals it, in the page itself, and records the score.
    HttpResponse<String> revealed = send("POST", file + "/reveal", "confirm=true", true);
    assertThat(revealed.statusCode()).isEqualTo(200);
    assertThat(revealed.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    Matcher data =
        Pattern.compile("src=\"data:image/jpeg;base64,([A-Za-z0-9+/=]+)\"")
            .matcher(revealed.body());
    assertThat(data.find()).isTrue();
    BufferedImage clear =
        ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data.group(1))));
    HttpResponse<byte[]> blurred =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + api))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(MediaViewsTest.detail(ImageIO.read(new ByteArrayInputStream(blurred.body()))))
        .isLessThan(MediaViewsTest.detail(clear) * 0.75);
    assertThat(
            jdbc.sql(
                    "select (detail->>'explicit')::float8 || ' ' || (detail->>'confirmed')"
                        + " from audit where action = 'media_revealed' and target = ?")
                .param(worst)
                .query(String.class)
                .list())
        .containsExactly("0.9688 true");
    assertThat(custodyReveals(worst))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains("\"type\":\"viewed\"")
                    .contains("\"by\":\"fay\"")
                    .contains("\"explicit\":0.9688")
                    .contains("\"confirmed\":true"));
    // The audit page shows it.
    assertThat(page("/cases/" + id + "/audit")).contains("0.9688");
    // The API's second choice is confirm=true.
    assertThat(
            http.send(
                    HttpRequest.newBuilder(
                            URI.create(
                                "http://localhost:" + port + api + "?reveal=true&confirm=true"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray())
                .statusCode())
        .isEqualTo(200);
    assertThat(reveals(worst)).isEqualTo(2);
    assertThat(intact()).as("the custody log, verified").isTrue();
  }

  private boolean intact() throws Exception {
    return CaseVerifier.verify(new CaseFolder(folder), keys.vault(), null).intact();
  }

  @Test
  void aPictureScoredBelowTheLineIsRevealedOnTheFirstChoice() throws Exception {
    String file = "/cases/" + id + "/media/" + mild;
    assertThat(page(file)).contains("data-reveal-src").doesNotContain("reveal-explicit");
    HttpResponse<String> revealed = send("POST", file + "/reveal", "", true);
    assertThat(revealed.statusCode()).isEqualTo(200);
    assertThat(revealed.body()).contains("data:image/jpeg;base64,");
    assertThat(
            jdbc.sql(
                    "select (detail->>'explicit')::float8 || ' ' || (detail->>'confirmed')"
                        + " from audit where action = 'media_revealed' and target = ?")
                .param(mild)
                .query(String.class)
                .list())
        .containsExactly("0.0938 false");
  }

  @Test
  void enrolledFacesAreShownAsLeadsNeverAsIdentifications() throws Exception {
    String one = page("/cases/" + id + "/media/" + faceHit);
    assertThat(one)
        .contains("possible match for review — not an identification")
        .contains("face:enrolled")
        .contains("P-0042")
        .contains("P-0007")
        .contains("0.56")
        .contains("0.44")
        .contains(FaceFixtures.EMBEDDER)
        .contains("2 faces found by the detector")
        .contains("matched this file by hash; see the enrolled faces above");
    assertThat(one.indexOf("P-0042")).isLessThan(one.indexOf("P-0007"));
    // The face's box over the blurred picture, in percent of its size.
    BufferedImage img =
        ImageIO.read(
            new ByteArrayInputStream(
                new Vault(new CaseFolder(folder).evidence(), keys.vault(), false).read(faceHit)));
    String box =
        String.format(
            Locale.ROOT,
            "left:%.2f%%;top:%.2f%%;width:%.2f%%;height:%.2f%%",
            400.0 / img.getWidth(),
            600.0 / img.getHeight(),
            1200.0 / img.getWidth(),
            1000.0 / img.getHeight());
    // One box for the face, naming both people it may be.
    assertThat(one.split("class=\"face-box\"", -1)).hasSize(2);
    assertThat(one.replaceAll("\\s+", " "))
        .contains(
            "class=\"face-box\" style=\""
                + box
                + "\" title=\"possible match for P-0042, P-0007, for review — not an"
                + " identification\"");

    // The API: signals on the file, the face on each face match, the leads.
    String about = page("/api/v1/cases/" + id + "/media/" + faceHit + "/about");
    assertThat(about)
        .contains("\"how\":\"face\"")
        .contains(
            "\"face\":{\"distance\":0.4375,\"similarity\":0.5625,\"rank\":1,"
                + "\"box\":[4.0,6.0,12.0,10.0],\"model\":\""
                + FaceFixtures.EMBEDDER
                + "\"}")
        .contains("\"faceLeads\":[{\"bank\":\"face:enrolled\",\"entryId\":\"P-0042\"")
        .contains("\"topClass\":\"porn\"");

    // Counted apart from hash matches: on the victims page and the dashboard.
    String victims = page("/cases/" + id + "/victims");
    assertThat(victims)
        .contains("Enrolled faces found in 2 images — possible matches for review")
        .contains("Images of victims matched by hash: 0 files.")
        .contains("face: a lead, not an identification");
    String dashboard = page("/cases/" + id);
    assertThat(dashboard).contains("images with enrolled faces found (leads for review)");
    assertThat(page("/api/v1/cases/" + id))
        .contains("\"hashMatchedMedia\":0")
        .contains("\"faceMatchedMedia\":2");
  }

  @Test
  void everyPageWithSignalsRendersInBothLanguages() throws Exception {
    String c = "/cases/" + id;
    for (String lang : List.of("en", "ko")) {
      for (String p :
          List.of(
              c,
              c + "/media",
              c + "/media?order=least-explicit",
              c + "/media?order=date",
              c + "/media?order=posts",
              c + "/media/" + faceHit,
              c + "/media/" + worst,
              c + "/media/" + faceUnscored,
              c + "/victims",
              c + "/audit")) {
        String body = page(p + (p.contains("?") ? "&" : "?") + "lang=" + lang);
        assertThat(body).as(p).contains("</html>").doesNotContain("??");
      }
      HttpResponse<String> confirm =
          send("POST", c + "/media/" + worst + "/reveal?lang=" + lang, "", true);
      assertThat(confirm.body()).contains("</html>").doesNotContain("??");
    }
    assertThat(page(c + "/media/" + faceHit + "?lang=ko")).contains("신원 확인이 아님");
  }
}
