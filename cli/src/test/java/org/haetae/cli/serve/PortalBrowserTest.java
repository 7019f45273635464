package org.haetae.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.haetae.hashing.ImageHasher;
import org.haetae.hashing.ImageHashes;
import org.haetae.server.HaetaeServer;
import org.haetae.server.storage.UserStore;
import org.haetae.server.users.UserRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The victims' portal and the support desk in a real browser (headless Chromium through its
 * chromedriver) against the real service and its embedded PostgreSQL: a victim makes a login, files
 * a report and protects three generated photos (hashed in the browser, bit for bit as {@link
 * ImageHasher} hashes them on the JVM, with nothing but the hashes leaving the browser); another
 * victim cannot see it; support staff triage it, draft a DSA and a TAKE IT DOWN notice, download
 * both as PDF, send one and record its removal; the statistics count it; the victim sees it.
 * Screenshots go to {@code target/e2e}.
 *
 * <p>Skipped when Chromium or chromedriver is missing, except on CI ({@code CI=true}), which
 * installs them: there a missing browser is a failure.
 */
class PortalBrowserTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final int MAX_BODY = 4096;

  static final String VICTIM = "e2e-victim";
  static final String OTHER_VICTIM = "e2e-other-victim";
  static final String STAFF = "e2e-support";
  static final String PASSWORD = "e2e-password-7Kq2";
  static final String PLATFORM = "ExampleChat";
  static final String LINK = "https://example.invalid/c/1";
  static final String WHAT = "Someone posted edited pictures of me in a group chat (e2e test).";

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

  @Test
  void aVictimReportsProtectsHerPhotosAndSupportGetsThemTakenDown() throws Exception {
    HeadlessChromium.require("portal browser test");
    server = HaetaeServer.start(0, tmp.resolve("data"));
    base = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
    UserStore users = server.getBean(UserStore.class);
    users.put(OTHER_VICTIM, PASSWORD, UserRole.VICTIM);
    users.put(STAFF, PASSWORD, UserRole.SUPPORT_STAFF);
    JdbcClient db = server.getBean(JdbcClient.class);
    browser = HeadlessChromium.start(tmp.resolve("chromium-profile"), true);
    page = new BrowserPage(browser, base, WAIT);

    // 1. A login of her own, then a report.
    page.open("/register?lang=en");
    browser.findElement(By.id("username")).sendKeys(VICTIM);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("repeat")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    page.waitFor(ExpectedConditions.urlContains("/login?registered"));
    page.logIn(VICTIM, PASSWORD);
    page.open("/portal/reports/new");
    browser.findElement(By.id("whatHappened")).sendKeys(WHAT);
    browser.findElement(By.id("links")).sendKeys(LINK);
    browser.findElement(By.id("platform")).sendKeys(PLATFORM);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    page.waitFor(ExpectedConditions.urlMatches("/portal/reports/[0-9a-f-]{36}$"));
    String reportPath = browser.getCurrentUrl().substring(base.length());
    UUID reportId = UUID.fromString(reportPath.substring(reportPath.lastIndexOf('/') + 1));
    String reference = page.text("main h1 span:last-child");
    assertThat(reference).matches("R-\\d{4}-\\d+");
    assertThat(page.text("main")).contains(WHAT).contains(LINK);

    // 2. Three photos, hashed in the browser; only the hashes are sent.
    List<Path> photos = writePhotos(tmp.resolve("photos"));
    browser.manage().logs().get(LogType.PERFORMANCE); // drops what earlier pages logged
    page.js(
        "var s = document.getElementById('protect-status');"
            + "sessionStorage.removeItem('protect-status');"
            + "new MutationObserver(function () {"
            + "  sessionStorage.setItem('protect-status', s.textContent); })"
            + ".observe(s, {childList: true, characterData: true, subtree: true});");
    browser
        .findElement(By.id("photos"))
        .sendKeys(
            photos.stream()
                .map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining("\n")));
    browser.findElement(By.cssSelector("#protect button[type=submit]")).click();
    page.waitFor(
        d ->
            String.valueOf(page.js("return sessionStorage.getItem('protect-status')"))
                .startsWith("Done"));
    assertThat(page.js("return sessionStorage.getItem('protect-status')"))
        .isEqualTo("Done: 3 photos are protected.");
    // The page reloads itself and counts them.
    page.waitFor(
        ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "3 photos protected."));
    page.shot("portal-protected");

    ImageHasher hasher = new ImageHasher();
    Set<String> expected = new HashSet<>();
    for (Path p : photos) {
      ImageHashes h = hasher.hash(p);
      expected.add(
          h.pdq().hash().toHex()
              + " "
              + h.pdq().quality()
              + " "
              + h.digests().md5()
              + " "
              + h.digests().sha256());
    }
    List<String> stored =
        db.sql(
                "select pdq, quality, md5, sha256 from report_hashes where report_id = ? and"
                    + " withdrawn_at is null order by id")
            .param(reportId)
            .query(
                (rs, i) ->
                    rs.getString(1)
                        + " "
                        + rs.getInt(2)
                        + " "
                        + rs.getString(3)
                        + " "
                        + rs.getString(4))
            .list();
    assertThat(stored).as("hashes in report_hashes").hasSize(3);
    assertThat(new HashSet<>(stored)).as("browser hashes = JVM hashes").isEqualTo(expected);
    assertOnlyHashesLeftTheBrowser(reportId, photos, expected);

    // 3. Another victim: the report does not exist for her.
    page.logOut();
    page.logIn(OTHER_VICTIM, PASSWORD);
    page.open(reportPath);
    assertThat(page.text("main h1")).isEqualTo("Not found");
    assertThat(browser.getPageSource())
        .doesNotContain(reference)
        .doesNotContain(WHAT)
        .doesNotContain(LINK);
    page.open("/api/v1/reports/" + reportId);
    assertThat(browser.getPageSource()).doesNotContain(reference).doesNotContain(WHAT);
    page.open("/portal");
    assertThat(browser.getPageSource()).doesNotContain(reference).doesNotContain(WHAT);

    // 4. Support staff: the queue, triage, two notices, their PDFs, one sent and answered.
    page.logOut();
    page.logIn(STAFF, PASSWORD);
    page.open("/support?lang=en");
    WebElement inQueue =
        browser.findElement(By.cssSelector("#queue")).findElement(By.linkText(reference));
    inQueue.click();
    page.waitFor(ExpectedConditions.urlToBe(base + "/support/reports/" + reportId));
    assertThat(page.text("main")).contains(WHAT).contains(LINK).contains("3 photos protected.");
    new Select(browser.findElement(By.id("urgency"))).selectByValue("high");
    new Select(browser.findElement(By.id("t-status"))).selectByValue("in_progress");
    submit(browser.findElement(By.cssSelector("#triage button[type=submit]")));
    assertThat(
            new Select(browser.findElement(By.id("urgency")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("high");
    assertThat(
            new Select(browser.findElement(By.id("t-status")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("in_progress");
    assertThat(
            db.sql("select urgency from reports where id = ?")
                .param(reportId)
                .query(String.class)
                .single())
        .isEqualTo("high");

    draftNotice("DSA_ART16");
    draftNotice("TAKE_IT_DOWN");
    assertThat(browser.findElements(By.cssSelector("p.error"))).as("errors").isEmpty();
    List<WebElement> rows = browser.findElements(By.cssSelector("#notices tbody tr"));
    assertThat(rows).hasSize(2);
    List<String> pdfs =
        browser.findElements(By.cssSelector("#notices a[href$='.pdf']")).stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    assertThat(pdfs).hasSize(2);
    for (String pdf : pdfs) {
      @SuppressWarnings("unchecked")
      List<Object> got =
          (List<Object>)
              ((JavascriptExecutor) browser)
                  .executeAsyncScript(
                      "var cb = arguments[arguments.length - 1];"
                          + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {"
                          + "  return r.arrayBuffer().then(function (b) {"
                          + "    var head = Array.from(new Uint8Array(b).slice(0, 5))"
                          + "        .map(function (c) { return String.fromCharCode(c); }).join('');"
                          + "    cb([r.status, r.headers.get('content-type'), head, b.byteLength]);"
                          + "  }); }).catch(function (e) { cb(['error', String(e)]); });",
                      pdf);
      assertThat(got.get(0)).as(pdf).isEqualTo(200L);
      assertThat((String) got.get(1)).as(pdf).startsWith("application/pdf");
      assertThat(got.get(2)).as(pdf).isEqualTo("%PDF-");
      assertThat((Long) got.get(3)).as(pdf).isGreaterThan(500L);
    }

    String takeItDown = "US TAKE IT DOWN Act request";
    submit(noticeRow(takeItDown).findElement(By.cssSelector("form button[type=submit]")));
    assertThat(browser.findElements(By.cssSelector("p.error"))).as("errors").isEmpty();
    WebElement sent = noticeRow(takeItDown);
    assertThat(sent.findElement(By.cssSelector("span.tag")).getText()).isEqualTo("on time");
    Map<String, Object> clock =
        db.sql(
                "select sent_at, due_at, status from notices where report_id = ? and kind = 'TAKE_IT_DOWN'")
            .param(reportId)
            .query()
            .singleRow();
    Instant sentAt = ((java.sql.Timestamp) clock.get("sent_at")).toInstant();
    Instant dueAt = ((java.sql.Timestamp) clock.get("due_at")).toInstant();
    assertThat(Duration.between(sentAt, dueAt)).isEqualTo(Duration.ofHours(48));
    assertThat(clock.get("status")).isEqualTo("sent");
    new Select(sent.findElement(By.name("status"))).selectByValue("removed");
    sent.findElement(By.name("answer")).sendKeys("removed");
    submit(sent.findElement(By.cssSelector("form.answer button[type=submit]")));
    assertThat(browser.findElements(By.cssSelector("p.error"))).as("errors").isEmpty();
    assertThat(noticeRow(takeItDown).findElement(By.cssSelector("span.tag")).getText())
        .isEqualTo("answered");
    assertThat(noticeRow(takeItDown).getText()).contains("removed");
    page.shot("support-report");

    // 5. The statistics.
    page.open("/support/stats");
    List<WebElement> cards = browser.findElements(By.cssSelector("#takedown-figures .card b"));
    assertThat(cards.get(0).getText()).as("notices sent").isEqualTo("1");
    assertThat(cards.get(1).getText()).as("removed").isEqualTo("1");
    assertThat(page.text("#within48")).as("removed within 48 h").isEqualTo("100%");
    page.shot("stats");
    String csv =
        (String)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "var cb = arguments[arguments.length - 1];"
                        + "fetch('/support/stats.csv', {credentials: 'same-origin'})"
                        + ".then(function (r) { return r.text(); }).then(cb)"
                        + ".catch(function (e) { cb('error ' + e); });");
    String within48 =
        csv.lines().filter(l -> l.contains("share_within_48h")).findFirst().orElseThrow();
    assertThat(Double.parseDouble(within48.substring(within48.lastIndexOf(',') + 1).strip()))
        .isEqualTo(1.0);

    // 6. The victim sees what happened.
    page.logOut();
    page.logIn(VICTIM, PASSWORD);
    page.open(reportPath);
    assertThat(page.text("main")).contains("The platform removed the content.");
    List<WebElement> requests =
        browser.findElements(By.xpath("//section[h2='Removal requests']//li"));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getText()).contains(PLATFORM).contains("removed");
    assertThat(page.text("main")).doesNotContain("A notice was drafted");
    page.shot("portal-report");
  }

  /** Chrome's own network log: the only body sent is the JSON of the three hashes. */
  private void assertOnlyHashesLeftTheBrowser(
      UUID reportId, List<Path> photos, Set<String> expected) throws IOException {
    Json json = new Json();
    List<String> bodies = new ArrayList<>();
    for (Map<?, ?> request : HeadlessChromium.requestsSent(browser, base)) {
      String url = (String) request.get("url");
      if (!Boolean.TRUE.equals(request.get("hasPostData"))) {
        continue;
      }
      assertThat(url).isEqualTo(base + "/api/v1/reports/" + reportId + "/hashes");
      String postData = (String) request.get("postData");
      assertThat(postData).as("post data Chrome sent").isNotNull();
      assertThat(postData.getBytes(StandardCharsets.UTF_8).length).isLessThan(MAX_BODY);
      bodies.add(postData);
    }
    assertThat(bodies).as("requests with a body").hasSize(1);
    List<Map<String, Object>> sent = json.toType(bodies.get(0), List.class);
    assertThat(sent).hasSize(3);
    Set<String> posted = new HashSet<>();
    for (Map<String, Object> h : sent) {
      assertThat(h.keySet()).isSubsetOf("pdq", "quality", "md5", "sha256", "label");
      posted.add(
          h.get("pdq") + " " + h.get("quality") + " " + h.get("md5") + " " + h.get("sha256"));
    }
    assertThat(posted).isEqualTo(expected);
    for (Path p : photos) {
      byte[] bytes = Files.readAllBytes(p);
      String b64 = Base64.getEncoder().encodeToString(bytes);
      for (String body : bodies) {
        for (int start : new int[] {0, b64.length() / 2, b64.length() - 64}) {
          assertThat(body).doesNotContain(b64.substring(start, start + 64));
        }
        assertThat(body).doesNotContain(new String(bytes, 0, 64, StandardCharsets.ISO_8859_1));
      }
    }
  }

  private void draftNotice(String kind) {
    WebElement details = browser.findElement(By.cssSelector("details.new-notice"));
    if (details.getAttribute("open") == null) {
      details.findElement(By.tagName("summary")).click();
    }
    new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
    assertThat(browser.findElement(By.id("n-platform")).getAttribute("value")).isEqualTo(PLATFORM);
    assertThat(browser.findElement(By.id("urls")).getAttribute("value")).contains(LINK);
    assertThat(browser.findElement(By.id("explanation")).getAttribute("value")).isNotBlank();
    new Select(browser.findElement(By.id("language"))).selectByValue("en");
    submit(browser.findElement(By.cssSelector("#new-notice button[type=submit]")));
    assertThat(browser.findElements(By.cssSelector("p.error")))
        .as("error drafting " + kind)
        .allSatisfy(e -> fail(kind + ": " + e.getText()));
  }

  private WebElement noticeRow(String kindLabel) {
    return browser.findElements(By.cssSelector("#notices tbody tr")).stream()
        .filter(r -> r.findElement(By.tagName("td")).getText().equals(kindLabel))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no notice row " + kindLabel));
  }

  /** Clicks a form's button and waits for the page it leads to. */
  private void submit(WebElement button) {
    WebElement html = browser.findElement(By.tagName("html"));
    button.click();
    page.waitFor(ExpectedConditions.stalenessOf(html));
    page.waitFor(d -> "complete".equals(page.js("return document.readyState")));
  }

  /** Three generated pictures, PNG and JPEG: shapes and gradients, no real imagery. */
  private static List<Path> writePhotos(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    String[][] files = {{"photo-1.png", "png"}, {"photo-2.jpg", "jpg"}, {"photo-3.png", "png"}};
    for (int i = 0; i < files.length; i++) {
      BufferedImage img = new BufferedImage(480 + 40 * i, 360, BufferedImage.TYPE_3BYTE_BGR);
      Graphics2D g = img.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setPaint(
          new GradientPaint(
              0, 0, new Color(30 + 60 * i, 90, 160), 400, 360, new Color(240, 200 - 50 * i, 60)));
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      Random r = new Random(17 + i);
      g.setStroke(new BasicStroke(6));
      for (int k = 0; k < 25; k++) {
        g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        int x = r.nextInt(img.getWidth());
        int y = r.nextInt(img.getHeight());
        int w = 20 + r.nextInt(120);
        int h = 20 + r.nextInt(120);
        if (k % 3 == 0) {
          g.fillOval(x, y, w, h);
        } else if (k % 3 == 1) {
          g.fillRect(x, y, w, h);
        } else {
          g.drawLine(x, y, x + w, y + h);
        }
      }
      g.dispose();
      Path p = dir.resolve(files[i][0]);
      if (!ImageIO.write(img, files[i][1], p.toFile())) {
        throw new IOException("no writer for " + files[i][1]);
      }
      out.add(p);
    }
    return out;
  }
}
