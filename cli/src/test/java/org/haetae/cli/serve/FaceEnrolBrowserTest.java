package org.haetae.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.haetae.demo.export.SyntheticExport;
import org.haetae.faces.detect.Face;
import org.haetae.faces.embed.Descriptor;
import org.haetae.faces.evaluation.DemoPhotos;
import org.haetae.faces.search.FaceEngine;
import org.haetae.faces.search.ImageFaces;
import org.haetae.server.HaetaeServer;
import org.haetae.server.portal.FaceTemplates;
import org.haetae.server.portal.ReportStore;
import org.haetae.server.scans.ScanJobs;
import org.haetae.server.users.UserRole;
import org.haetae.server.users.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Protect my face" in a real browser (headless Chromium) against the real service: a victim picks
 * a photo of one face (cut from one of face-api's demo photos, which the build fetches; written to
 * a temporary file, never committed), her browser finds the face with face-api, cuts it out as the
 * scans do and sends only the template. The test checks, from Chrome's own network log, that the
 * one request body is that JSON (no image bytes), and that the stored template lies within 0.25 of
 * the descriptor the JVM's {@link FaceEngine} computes for the same photo: the check that the
 * browser and the scan describe a face alike. Then she withdraws it and it is deleted.
 */
class FaceEnrolBrowserTest {

  /** Loading the models and running them on the CPU backend takes a while on a small machine. */
  static final Duration WAIT = Duration.ofSeconds(180);

  static final double MAX_DISTANCE = 0.25;
  static final int MAX_BODY = 8192;
  static final String VICTIM = "face-victim";
  static final String PASSWORD = "e2e-password-9Xw4";

  @TempDir Path tmp;

  private ConfigurableApplicationContext server;
  private ChromeDriver browser;
  private String base;
  private BrowserPage page;

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** One face of a demo photo, with room around it and no other face in the picture. */
  record Portrait(Path file, Descriptor descriptor) {}

  private static Portrait portrait(FaceEngine engine, Path dir) throws Exception {
    for (BufferedImage photo : DemoPhotos.load()) {
      List<Face> faces =
          new ArrayList<>(engine.analyse(photo).faces().stream().map(f -> f.face()).toList());
      faces.sort(Comparator.comparingDouble((Face f) -> f.box().area()).reversed());
      for (Face f : faces) {
        double side = 2.4 * Math.max(f.box().width(), f.box().height());
        int x0 = (int) Math.max(0, f.box().x() + f.box().width() / 2 - side / 2);
        int y0 = (int) Math.max(0, f.box().y() + f.box().height() / 2 - side / 2);
        int x1 = (int) Math.min(photo.getWidth(), x0 + side);
        int y1 = (int) Math.min(photo.getHeight(), y0 + side);
        BufferedImage crop = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = crop.createGraphics();
        g.drawImage(photo, -x0, -y0, null);
        g.dispose();
        ImageFaces seen = engine.analyse(crop);
        if (seen.faces().size() != 1 || f.box().width() < 90) {
          continue;
        }
        Path file = dir.resolve("portrait.png");
        Files.createDirectories(dir);
        ImageIO.write(crop, "png", file.toFile());
        // The JVM reads the file back, as a scan would.
        ImageFaces again = engine.analyse(ImageIO.read(file.toFile()));
        assertThat(again.faces()).hasSize(1);
        System.out.printf(
            "portrait: %s, face %.0f px wide at (%.0f, %.0f), crop %dx%d%n",
            "a demo photo",
            f.box().width(),
            f.box().x(),
            f.box().y(),
            crop.getWidth(),
            crop.getHeight());
        return new Portrait(file, again.faces().get(0).descriptor());
      }
    }
    throw new AssertionError("no demo photo has a face that can be cut out alone");
  }

  @Test
  void aVictimEnrolsHerFaceInHerBrowserAndOnlyTheTemplateIsSent() throws Exception {
    HeadlessChromium.require("face enrolment browser test");
    Portrait portrait;
    try (FaceEngine engine = FaceEngine.bundled(FaceEngine.Options.defaults())) {
      portrait = portrait(engine, tmp.resolve("photos"));
    }
    server = HaetaeServer.start(0, tmp.resolve("data"));
    base = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
    server.getBean(UserStore.class).put(VICTIM, PASSWORD, UserRole.VICTIM);
    ReportStore reports = server.getBean(ReportStore.class);
    UUID report =
        reports.create(
            VICTIM,
            new ReportStore.NewReport(
                "self",
                "Edited pictures with my face were posted (e2e test).",
                null,
                "ExampleChat",
                List.of(),
                "portal",
                null,
                false));
    String reference = reports.get(report).reference();
    JdbcClient db = server.getBean(JdbcClient.class);
    FaceTemplates templates = server.getBean(FaceTemplates.class);
    browser = HeadlessChromium.start(tmp.resolve("chromium-profile"), true);
    page = new BrowserPage(browser, base, WAIT);

    page.logIn(VICTIM, PASSWORD);
    page.open("/portal/reports/" + report);
    browser.findElement(By.linkText("Protect my face")).click();
    page.waitFor(ExpectedConditions.urlToBe(base + "/portal/reports/" + report + "/faces"));
    assertThat(page.text("main"))
        .contains("Your photos never leave your device")
        .contains("biometric data")
        .contains("withdraw")
        .contains("0 face templates kept.");

    browser.manage().logs().get(LogType.PERFORMANCE); // drops what earlier pages logged
    browser
        .findElement(By.id("face-photos"))
        .sendKeys(portrait.file().toAbsolutePath().normalize().toString());
    browser.findElement(By.id("face-consent")).click();
    browser.findElement(By.cssSelector("#face-form button[type=submit]")).click();
    long started = System.nanoTime();
    page.waitFor(
        d -> {
          String s = browser.findElement(By.id("face-form")).getAttribute("data-state");
          return "done".equals(s) || "failed".equals(s);
        });
    System.out.printf(
        "browser enrolment: %.1f s on the %s backend%n",
        (System.nanoTime() - started) / 1e9,
        browser.findElement(By.id("face-form")).getAttribute("data-backend"));
    page.shot("portal-face-enrolled");
    assertThat(browser.findElement(By.id("face-form")).getAttribute("data-error"))
        .as("error in the page")
        .isNull();
    assertThat(page.text("#face-status"))
        .as(page.text("#face-results"))
        .isEqualTo("Sent: 1 face templates (128 numbers each). Your photos stayed on your device.");
    assertThat(page.text("#face-results")).isEqualTo("portrait.png: face template sent.");
    assertThat(page.text("#face-count")).isEqualTo("1 face templates kept.");

    // What left the browser: one JSON body, the template and the photo's digest, no image bytes.
    float[] sent = onlyTheTemplateLeftTheBrowser(report, portrait.file());
    List<Descriptor> stored = templates.descriptors(report);
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).vector()).containsExactly(sent);
    double distance = stored.get(0).distance(portrait.descriptor());
    System.out.printf(
        "browser template vs FaceEngine descriptor of the same photo: distance %.4f (match at"
            + " <= 0.5)%n",
        distance);
    assertThat(distance).isLessThanOrEqualTo(MAX_DISTANCE);
    assertThat(templates.portalBank().person(reference)).isPresent();

    // A scan the service runs looks for her face: an export holding the photo (as a JPEG, as a
    // chat would carry it) is a face match for her report's reference, and for nothing else.
    UUID caseId = scanExportWith(portrait.file(), db);
    List<String> matches =
        db.sql("select bank || ' ' || entry_id from matches where case_id = ? and how = 'face'")
            .param(caseId)
            .query(String.class)
            .list();
    System.out.println("face matches of the scan: " + matches);
    assertThat(matches).isNotEmpty().allMatch(m -> m.equals("face:portal " + reference));

    // The same photo again, on the CPU backend: recognised, and nothing new is stored. What it
    // sent (the log keeps the refused request's body) is the same face on the other backend.
    page.open("/portal/reports/" + report + "/faces?backend=cpu");
    browser.manage().logs().get(LogType.PERFORMANCE);
    browser
        .findElement(By.id("face-photos"))
        .sendKeys(portrait.file().toAbsolutePath().normalize().toString());
    browser.findElement(By.id("face-consent")).click();
    browser.findElement(By.cssSelector("#face-form button[type=submit]")).click();
    page.waitFor(
        d -> "done".equals(browser.findElement(By.id("face-form")).getAttribute("data-state")));
    assertThat(page.text("#face-results"))
        .isEqualTo("portrait.png: this photo is already protected.");
    assertThat(browser.findElement(By.id("face-form")).getAttribute("data-backend"))
        .isEqualTo("cpu");
    assertThat(templates.descriptors(report)).hasSize(1);
    Descriptor cpu =
        new Descriptor(FaceTemplates.MODEL, onlyTheTemplateLeftTheBrowser(report, portrait.file()));
    System.out.printf(
        "CPU backend: distance %.4f to FaceEngine, %.4f to the first backend's template%n",
        cpu.distance(portrait.descriptor()), cpu.distance(stored.get(0)));
    assertThat(cpu.distance(portrait.descriptor())).isLessThanOrEqualTo(MAX_DISTANCE);

    // She withdraws: the template is deleted.
    page.open("/portal/reports/" + report + "/faces");
    WebDriverWait w = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.findElement(By.cssSelector("#face-withdraw button[type=submit]")).click();
    w.until(ExpectedConditions.urlContains("/faces?withdrawn"));
    assertThat(page.text("main")).contains("Your face templates were deleted.");
    assertThat(page.text("#face-count")).isEqualTo("0 face templates kept.");
    assertThat(
            db.sql("select count(*) from report_faces where report_id = ?")
                .param(report)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(templates.portalBank().people()).isEmpty();
    page.shot("portal-face-withdrawn");
  }

  /**
   * Scans, through the service's own scan jobs, a generated Telegram export one of whose photos is
   * replaced by {@code photo}; returns the case it made.
   */
  private UUID scanExportWith(Path photo, JdbcClient db) throws Exception {
    Path export = tmp.resolve("data").resolve("imports").resolve("chat-with-her-face");
    SyntheticExport.write(
        export, new SyntheticExport.Options(5, SyntheticExport.Shape.SINGLE_CHAT, 1, 12, 3, false));
    Path target;
    try (Stream<Path> files = Files.walk(export.resolve("photos"))) {
      target = files.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
    }
    BufferedImage picture = ImageIO.read(photo.toFile());
    assertThat(ImageIO.write(picture, "jpg", target.toFile())).isTrue();
    server.getBean(UserStore.class).put("face-investigator", PASSWORD, UserRole.INVESTIGATOR);
    ScanJobs scans = server.getBean(ScanJobs.class);
    ScanJobs.Status s =
        scans.start(
            "face-investigator",
            new ScanJobs.Request("her face", List.of(export.getFileName().toString()), List.of()));
    long until = System.nanoTime() + WAIT.toNanos();
    while (!List.of("done", "failed").contains(s.state()) && System.nanoTime() < until) {
      Thread.sleep(250);
      s = scans.status(s.id(), "face-investigator", false);
    }
    assertThat(s.state()).as(String.valueOf(s.error())).isEqualTo("done");
    return s.caseId();
  }

  /** Chrome's network log: the one body sent is the template's JSON; returns its numbers. */
  private float[] onlyTheTemplateLeftTheBrowser(UUID report, Path photo) throws Exception {
    Json json = new Json();
    List<String> bodies = new ArrayList<>();
    for (Map<?, ?> request : HeadlessChromium.requestsSent(browser, base)) {
      String url = (String) request.get("url");
      if (!Boolean.TRUE.equals(request.get("hasPostData"))) {
        continue;
      }
      assertThat(url).isEqualTo(base + "/api/v1/reports/" + report + "/faces");
      String postData = (String) request.get("postData");
      assertThat(postData).as("post data Chrome sent").isNotNull();
      assertThat(postData.getBytes(StandardCharsets.UTF_8).length).isLessThan(MAX_BODY);
      bodies.add(postData);
    }
    assertThat(bodies).as("requests with a body").hasSize(1);
    Map<String, Object> sent = json.toType(bodies.get(0), Map.class);
    assertThat(sent.keySet())
        .containsExactlyInAnyOrder("model", "descriptor", "consent", "photo_sha256");
    assertThat(sent.get("model")).isEqualTo("face-api-1.7.15/face_recognition");
    assertThat(sent.get("consent")).isEqualTo(true);
    byte[] bytes = Files.readAllBytes(photo);
    assertThat(sent.get("photo_sha256"))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    List<?> numbers = (List<?>) sent.get("descriptor");
    assertThat(numbers).hasSize(128);
    float[] out = new float[numbers.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) numbers.get(i)).floatValue();
    }
    String b64 = Base64.getEncoder().encodeToString(bytes);
    for (int start : new int[] {0, b64.length() / 2, b64.length() - 64}) {
      assertThat(bodies.get(0)).doesNotContain(b64.substring(start, start + 64));
    }
    assertThat(bodies.get(0)).doesNotContain(new String(bytes, 0, 64, StandardCharsets.ISO_8859_1));
    return out;
  }
}
