package org.haetae.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.haetae.cli.demo.DemoBank;
import org.haetae.demo.investigation.Investigation;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.casefolder.CaseVerifier;
import org.haetae.evidence.casefolder.VerifyReport;
import org.haetae.matching.match.Matcher;
import org.haetae.matching.store.FileBankStore;
import org.haetae.pipeline.keys.Keys;
import org.haetae.pipeline.progress.ProgressSink;
import org.haetae.pipeline.scan.Scan;
import org.haetae.server.HaetaeServer;
import org.haetae.server.cases.CaseStore;
import org.haetae.server.users.UserRole;
import org.haetae.server.users.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The investigator's web UI in a real browser (headless Chromium through its chromedriver) against
 * the real service: a small synthetic case generated, scanned and loaded into the embedded
 * PostgreSQL, then logged into, browsed, searched, a picture revealed (and found in the audit trail
 * and the custody log), the network drawn, the language switched, and the doors that must stay shut
 * tried. Screenshots of the main pages go to {@code target/e2e} for people to look at.
 *
 * <p>Skipped when Chromium or chromedriver is missing, except on CI ({@code CI=true}), which
 * installs them: there a missing browser is a failure.
 */
class BrowserEndToEndTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String TITLE = "e2e synthetic case";

  /** A word the generator's requests for fakes use ("synthesis", as in a faked picture). */
  static final String WORD = "합성";

  static final String INVESTIGATOR = "e2e-investigator";
  static final String OTHER = "e2e-other";
  static final String PLATFORM = "e2e-platform";
  static final String PASSWORD = "e2e-password-7Kq2";

  @TempDir Path tmp;

  private ConfigurableApplicationContext server;
  private WebDriver browser;
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
  void anInvestigatorWorksACaseInTheBrowserAndOthersAreKeptOut() throws Exception {
    HeadlessChromium.require("browser end-to-end test");
    Path data = tmp.resolve("data");
    Path caseDir = tmp.resolve("case");
    Scan.Result scanned = scanSmallCase(data, caseDir);

    server = HaetaeServer.start(0, data);
    base = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
    UUID caseId =
        server.getBean(CaseStore.class).put(scanned.analysis(), TITLE, caseDir.toString());
    String topAccount = server.getBean(CaseStore.class).accounts(caseId, 0, 1).get(0).displayName();
    UserStore users = server.getBean(UserStore.class);
    users.put(INVESTIGATOR, PASSWORD, UserRole.INVESTIGATOR);
    users.put(OTHER, PASSWORD, UserRole.INVESTIGATOR);
    users.put(PLATFORM, PASSWORD, UserRole.PLATFORM);
    users.assign(caseId, INVESTIGATOR);

    browser = HeadlessChromium.start(tmp.resolve("chromium-profile"), false);
    page = new BrowserPage(browser, base, WAIT);
    String casePath = "/cases/" + caseId;

    // Logging in through the form lands an investigator on her case list.
    page.open("/login?lang=en");
    page.shot("login");
    page.logIn(INVESTIGATOR, PASSWORD);
    page.waitFor(ExpectedConditions.urlToBe(base + "/cases"));
    assertThat(page.text("main h1")).isEqualTo("Cases");
    page.shot("cases");

    // The case from the list: its dashboard with figures.
    browser.findElement(By.linkText(TITLE)).click();
    page.waitFor(ExpectedConditions.urlToBe(base + casePath));
    assertThat(page.text("main h1")).isEqualTo(TITLE);
    List<WebElement> figures = browser.findElements(By.cssSelector("section.cards .card b"));
    assertThat(figures).hasSizeGreaterThanOrEqualTo(6);
    assertThat(figures.get(2).getText()).as("messages").matches("[1-9][0-9,]*");
    page.shot("dashboard");

    // "/" jumps to the search box from any case page.
    new Actions(browser).sendKeys("/").perform();
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("quick-q");
    browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);

    // Accounts, ranked with their roles; the top one's page with its roles.
    page.open(casePath + "/accounts");
    assertThat(browser.findElements(By.cssSelector("main .role"))).isNotEmpty();
    page.shot("accounts");
    browser.findElement(By.cssSelector("main a.name")).click();
    page.waitFor(ExpectedConditions.urlContains(casePath + "/accounts/"));
    assertThat(page.text("main h1")).contains(topAccount);
    assertThat(browser.findElements(By.cssSelector(".role-block .role"))).isNotEmpty();
    page.shot("account");

    // Search: hits with the word marked.
    page.open(
        casePath
            + "/search?q="
            + java.net.URLEncoder.encode(WORD, java.nio.charset.StandardCharsets.UTF_8));
    List<WebElement> marks = browser.findElements(By.cssSelector("ol.hits .snippet mark"));
    assertThat(marks).isNotEmpty();
    assertThat(marks.get(0).getText()).contains(WORD);
    page.shot("search");
    // A hit leads to its room.
    String room = browser.findElement(By.cssSelector("ol.hits .meta a.ref")).getText();
    browser.findElement(By.cssSelector("ol.hits .meta a.ref")).click();
    page.waitFor(ExpectedConditions.urlContains(casePath + "/rooms/"));
    assertThat(page.text("main h1 code.key")).isEqualTo(room.replaceAll("#.*", ""));
    picturesLoaded("main .grid img");
    page.shot("room");

    // A matched picture: blurred until revealed; the reveal is audited and in the custody log.
    page.open(casePath + "/media?matched=true");
    List<WebElement> thumbs = browser.findElements(By.cssSelector(".grid a.thumb.matched img"));
    assertThat(thumbs).isNotEmpty();
    picturesLoaded(".grid a.thumb img");
    assertThat(thumbs)
        .allSatisfy(t -> assertThat(t.getAttribute("src")).contains("thumbnail=true"));
    page.shot("media");
    browser.findElement(By.cssSelector(".grid a.thumb.matched")).click();
    page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("evidence")));
    WebElement img = browser.findElement(By.id("evidence"));
    page.waitFor(d -> loaded(img));
    assertThat(img.getAttribute("src")).doesNotContain("reveal=true");
    assertThat(img.getAttribute("class")).contains("blurred");
    page.shot("media-blurred");
    String sha = browser.getCurrentUrl().replaceAll(".*/media/([0-9a-f]{64}).*", "$1");
    browser.findElement(By.id("reveal")).click();
    page.waitFor(d -> img.getAttribute("src").contains("reveal=true") && loaded(img));
    assertThat(browser.findElement(By.id("revealed-note")).isDisplayed()).isTrue();
    page.shot("media-revealed");

    page.open(casePath + "/audit");
    List<WebElement> reveals =
        browser.findElements(By.cssSelector("#audit tr[data-action='media_revealed']"));
    assertThat(reveals).isNotEmpty();
    assertThat(reveals.get(0).findElements(By.tagName("td")).get(1).getText())
        .isEqualTo(INVESTIGATOR);
    assertThat(reveals.get(0).getText()).contains(sha);
    page.shot("audit");
    assertThat(Files.readAllLines(caseDir.resolve("custody.log")))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("\"type\":\"viewed\"")
                    .contains("\"revealed\":true")
                    .contains("\"by\":\"" + INVESTIGATOR + "\"")
                    .contains(sha));
    VerifyReport verified =
        CaseVerifier.verify(new CaseFolder(caseDir), Keys.load(data, null, false).vault(), null);
    assertThat(verified.problem()).as("haetae verify").isNull();

    // The network is drawn.
    page.open(casePath + "/network");
    page.waitFor(ExpectedConditions.attributeToBe(By.id("graph"), "data-ready", "true"));
    assertThat(browser.findElements(By.cssSelector("#graph canvas"))).isNotEmpty();
    page.shot("network");

    // Korean and back.
    page.open(casePath + "?lang=ko");
    assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("ko");
    assertThat(page.text("header.top")).contains("사건").contains("로그아웃");
    page.shot("dashboard-ko");
    page.open(casePath + "?lang=en");
    assertThat(page.text("header.top"))
        .contains("Cases")
        .contains("Log out")
        .doesNotContain("로그아웃");

    // A platform may not see investigations at all.
    page.logOut();
    page.logIn(PLATFORM, PASSWORD);
    page.open(casePath);
    assertThat(page.text("main h1")).isEqualTo("Not allowed");
    assertThat(browser.getPageSource()).doesNotContain(TITLE).doesNotContain(topAccount);
    page.shot("forbidden-403");

    // An investigator not on the case: it does not exist for her.
    page.logOut();
    page.logIn(OTHER, PASSWORD);
    page.open(casePath);
    assertThat(page.text("main h1")).isEqualTo("Not found");
    assertThat(browser.getPageSource()).doesNotContain(TITLE).doesNotContain(topAccount);
    page.shot("not-found-404");
    page.open("/cases");
    assertThat(browser.getPageSource()).doesNotContain(TITLE);

    // Logged out, a case page leads to the login form and nothing else.
    page.logOut();
    page.open(casePath);
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/login");
    assertThat(browser.getPageSource()).doesNotContain(TITLE);
  }

  /** A small generated case (1,000 messages, 40 pictures), scanned with the service's keys. */
  private static Scan.Result scanSmallCase(Path data, Path caseDir) throws Exception {
    Path material = caseDir.resolveSibling("material");
    Investigation.write(material, new Investigation.Options(5, 1_000, 40, 100, 160, 120));
    FileBankStore banks = new FileBankStore(data.resolve("banks"));
    DemoBank.importFrom(material, banks, "victims", (l, why) -> {});
    Keys keys = Keys.load(data, null, true);
    return new Scan(
            new CaseFolder(caseDir),
            keys.vault(),
            keys.signing(),
            banks,
            new Scan.Options(
                Investigation.exports(material),
                List.of("victims"),
                Matcher.Settings.DEFAULT,
                null,
                2,
                false,
                ProgressSink.SILENT))
        .run();
  }

  private boolean loaded(WebElement img) {
    Object r =
        ((JavascriptExecutor) browser)
            .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img);
    return Boolean.TRUE.equals(r);
  }

  /** Waits until every picture {@code css} selects is loaded (thumbnails load lazily). */
  private void picturesLoaded(String css) {
    page.waitFor(d -> d.findElements(By.cssSelector(css)).stream().allMatch(this::loaded));
  }
}
