package org.haetae.hashingjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.haetae.hashing.ImageHasher;
import org.haetae.hashing.ImageHashes;
import org.haetae.hashing.digest.ContentDigests;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.hashing.testdata.ReferenceData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The victims' portal's hashing, in a real browser (headless Chromium through its chromedriver):
 * photos are chosen in an {@code <input type=file multiple>} (Selenium types their paths into it),
 * hashed by {@code hash-photos.js} and {@code haetae-hashes.js} (the Java PDQ compiled by TeaVM),
 * and the page posts one small JSON per photo. Checked:
 *
 * <ul>
 *   <li>every image of the PDQ reference set hashes, in the browser, to the reference's hash and
 *       quality bit for bit, and to the file's MD5 and SHA-256;
 *   <li>generated pictures (grey, transparent, palette, odd sizes, EXIF-rotated, progressive) hash
 *       as {@link ImageHasher} hashes them on the JVM;
 *   <li>the photo never leaves the browser: the server saw only the page, the two scripts and the
 *       posted hashes, byte for byte the JSON the page built, none of them more than 2 KB, none
 *       holding a slice of any photo; Chrome's own network log (DevTools {@code
 *       Network.requestWillBeSent}, post data included) agrees, and shows no other destination.
 * </ul>
 *
 * <p>Skipped when Chromium or chromedriver is missing, except on CI ({@code CI=true}), where that
 * is a failure; the reference test is skipped likewise when the reference data is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserHashingTest {
  static final Path CHROMIUM =
      Path.of(System.getProperty("haetae.e2e.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("haetae.e2e.chromedriver", "/usr/bin/chromedriver"));
  static final Duration WAIT = Duration.ofMinutes(4);
  static final int MAX_BODY = 2048;

  /**
   * Reference images whose browser hash may not equal Java's, and why. Each is still hashed and
   * reported; the test fails if one of them starts to match (then it belongs out of this list).
   */
  static final Map<String, String> KNOWN_DIFFERENCES =
      Map.of(
          "misc-images/modes/CMYK.jpg",
          "CMYK JPEG without a colour profile: Java (TwelveMonkeys) converts CMYK to RGB through a"
              + " generic CMYK ICC profile, Chromium by plain inversion; the page flags it"
              + " inexact");

  @TempDir static Path tmp;

  private PhotoPage page;
  private ChromeDriver browser;

  @BeforeAll
  void start() throws IOException {
    requireBrowser();
    page = PhotoPage.start();
    browser = startBrowser();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (page != null) {
      page.close();
    }
  }

  @Test
  void everyReferenceImageHashesInTheBrowserAsTheReferenceDoes() throws IOException {
    Path root = requireReferenceData();
    List<String[]> rows =
        Files.readAllLines(root.resolve("expected-pdq.csv")).stream()
            .filter(l -> !l.isBlank())
            .map(l -> l.split(","))
            .toList();
    List<Path> files = rows.stream().map(r -> root.resolve(r[2])).toList();

    List<Map<String, Object>> results = hashInBrowser(files);

    List<String> failures = new ArrayList<>();
    List<String> known = new ArrayList<>();
    List<String> flagged = new ArrayList<>();
    int identical = 0;
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      Map<String, Object> r = results.get(i);
      Path file = files.get(i);
      assertThat(r.get("name")).isEqualTo(file.getFileName().toString());
      assertThat(r.get("error")).as(row[2]).isNull();
      ContentDigests digests = ContentDigests.of(Files.readAllBytes(file));
      assertThat(r.get("md5")).as(row[2] + " md5").isEqualTo(digests.md5());
      assertThat(r.get("sha256")).as(row[2] + " sha256").isEqualTo(digests.sha256());
      String hex = (String) r.get("pdq");
      int quality = ((Number) r.get("quality")).intValue();
      boolean same = hex.equals(row[0]) && quality == Integer.parseInt(row[1]);
      String how = describe(row[2], row[0], Integer.parseInt(row[1]), hex, quality, r);
      if (KNOWN_DIFFERENCES.containsKey(row[2])) {
        known.add(how + " (" + KNOWN_DIFFERENCES.get(row[2]) + ")");
        assertThat(same).as(row[2] + " now matches: take it off KNOWN_DIFFERENCES").isFalse();
        assertThat(r.get("exact")).as(row[2] + " flagged inexact").isEqualTo(false);
      } else if (same) {
        identical++;
        if (!Boolean.TRUE.equals(r.get("exact"))) {
          flagged.add(row[2] + ": identical, though the page warned: " + r.get("note"));
        }
      } else {
        failures.add(how);
      }
    }
    System.out.printf(
        "browser PDQ: %d of %d reference images identical (hash and quality), %d known"
            + " differences%n",
        identical, rows.size(), known.size());
    known.forEach(k -> System.out.println("  known difference: " + k));
    flagged.forEach(k -> System.out.println("  " + k));
    failures.forEach(f -> System.out.println("  MISMATCH: " + f));
    assertThat(failures).as("reference images hashed differently in the browser").isEmpty();
  }

  @Test
  void generatedPicturesHashInTheBrowserAsOnTheJvm() throws IOException {
    Map<Path, GeneratedPhotos.Expect> photos = GeneratedPhotos.write(tmp.resolve("generated"));
    List<Path> files = new ArrayList<>(photos.keySet());

    List<Map<String, Object>> results = hashInBrowser(files);

    ImageHasher hasher = new ImageHasher();
    List<String> failures = new ArrayList<>();
    List<String> inexact = new ArrayList<>();
    int identical = 0;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      String name = file.getFileName().toString();
      Map<String, Object> r = results.get(i);
      assertThat(r.get("name")).isEqualTo(name);
      assertThat(r.get("error")).as(name).isNull();
      ImageHashes jvm;
      try {
        jvm = hasher.hash(file);
      } catch (Exception e) {
        throw new AssertionError("the JVM could not hash " + name, e);
      }
      assertThat(r.get("md5")).as(name + " md5").isEqualTo(jvm.digests().md5());
      assertThat(r.get("sha256")).as(name + " sha256").isEqualTo(jvm.digests().sha256());
      assertThat(r.get("width")).as(name + " width").isEqualTo((long) jvm.width());
      assertThat(r.get("height")).as(name + " height").isEqualTo((long) jvm.height());
      String hex = (String) r.get("pdq");
      int quality = ((Number) r.get("quality")).intValue();
      boolean same = hex.equals(jvm.pdq().hash().toHex()) && quality == jvm.pdq().quality();
      String how = describe(name, jvm.pdq().hash().toHex(), jvm.pdq().quality(), hex, quality, r);
      if (photos.get(file) == GeneratedPhotos.Expect.FLAGGED_INEXACT) {
        // The page is told the hash may differ; it must say so, and the hash must stay close.
        assertThat(r.get("exact")).as(name + " flagged inexact").isEqualTo(false);
        assertThat(r.get("note")).as(name + " note").isNotNull();
        assertThat(distance(hex, jvm.pdq().hash().toHex())).as(name).isLessThanOrEqualTo(31);
        inexact.add(how);
      } else if (same && Boolean.TRUE.equals(r.get("exact"))) {
        identical++;
      } else {
        failures.add(how);
      }
    }
    System.out.printf(
        "browser PDQ: %d of %d generated pictures identical to the JVM's%n",
        identical, files.size() - inexact.size());
    inexact.forEach(k -> System.out.println("  flagged inexact, as expected: " + k));
    failures.forEach(f -> System.out.println("  MISMATCH: " + f));
    assertThat(failures).as("generated pictures hashed differently in the browser").isEmpty();
  }

  private static String describe(
      String name, String expectedHex, int expectedQuality, String hex, int quality, Map<?, ?> r) {
    if (hex.equals(expectedHex) && quality == expectedQuality) {
      return name + ": identical";
    }
    return name
        + ": distance "
        + distance(hex, expectedHex)
        + ", quality "
        + quality
        + " (expected "
        + expectedQuality
        + ")"
        + (r.get("note") == null ? "" : ", page note: " + r.get("note"));
  }

  private static int distance(String a, String b) {
    return Hash256.fromHex(a).distance(Hash256.fromHex(b));
  }

  /**
   * Chooses the files in the page's file input, waits for the page to hash them all and post the
   * hashes, checks that nothing but those hashes left the browser, and returns the page's results
   * in file order.
   */
  private List<Map<String, Object>> hashInBrowser(List<Path> files) throws IOException {
    page.forgetRequests();
    browser.manage().logs().get(LogType.PERFORMANCE); // drops what earlier pages logged
    browser.get(page.base() + "/");
    browser
        .findElement(By.id("photos"))
        .sendKeys(
            files.stream()
                .map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining("\n")));
    new WebDriverWait(browser, WAIT)
        .until(d -> js("return window.haetaeResults !== null || !!window.haetaeError"));
    assertThat(js("return window.haetaeError || null")).as("page error").isNull();
    List<Map<String, Object>> results =
        new Json().toType((String) js("return JSON.stringify(window.haetaeResults)"), List.class);
    @SuppressWarnings("unchecked")
    List<String> posted = (List<String>) js("return window.haetaePosted");
    assertThat(results).hasSize(files.size());
    assertOnlyHashesLeftTheBrowser(files, posted);
    return results;
  }

  /** What the server received, and what Chrome says it sent, is the posted JSON and no more. */
  private void assertOnlyHashesLeftTheBrowser(List<Path> files, List<String> posted)
      throws IOException {
    assertThat(posted).hasSize(files.size());
    List<PhotoPage.Request> requests = page.requests();
    List<String> bodies = new ArrayList<>();
    for (PhotoPage.Request r : requests) {
      assertThat(r.path())
          .as("requests reaching the server")
          .isIn(
              "/",
              "/vendor/haetae/haetae-hashes.js",
              "/vendor/haetae/hash-photos.js",
              "/hashes",
              "/favicon.ico");
      assertThat(r.body().length).as(r.method() + " " + r.path() + " body").isLessThan(MAX_BODY);
      if (r.path().equals("/hashes")) {
        assertThat(r.method()).isEqualTo("POST");
        bodies.add(new String(r.body(), StandardCharsets.UTF_8));
      } else {
        assertThat(r.body()).as(r.method() + " " + r.path() + " body").isEmpty();
      }
    }
    assertThat(bodies).as("the server received exactly the page's JSON").isEqualTo(posted);
    for (Path f : files) {
      byte[] photo = Files.readAllBytes(f);
      for (PhotoPage.Request r : requests) {
        assertThat(containsSliceOf(r.body(), photo)).as(f + " in a request body").isFalse();
      }
    }

    // Chrome's own account of every request the page made, post data included.
    int posts = 0;
    Json json = new Json();
    for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
      Map<?, ?> message =
          (Map<?, ?>) json.<Map<?, ?>>toType(entry.getMessage(), Map.class).get("message");
      if (!"Network.requestWillBeSent".equals(message.get("method"))) {
        continue;
      }
      Map<?, ?> request = (Map<?, ?>) ((Map<?, ?>) message.get("params")).get("request");
      String url = (String) request.get("url");
      // Chromium's own pages (chrome://, data:, blob:) never leave the machine; only network
      // schemes can carry a photo away, and those must all go to this service.
      if (!leavesTheBrowser(url)) {
        continue;
      }
      assertThat(url).as("request to " + url).startsWith(page.base() + "/");
      boolean hasBody = Boolean.TRUE.equals(request.get("hasPostData"));
      if (!hasBody) {
        continue;
      }
      assertThat(url).isEqualTo(page.base() + "/hashes");
      String postData = (String) request.get("postData");
      assertThat(postData).as("post data Chrome sent").isNotNull().isIn(posted);
      assertThat(postData.getBytes(StandardCharsets.UTF_8).length).isLessThan(MAX_BODY);
      posts++;
    }
    assertThat(posts).as("requests with a body, in Chrome's log").isEqualTo(files.size());
  }

  /** True if {@code body} holds any 64-byte slice of the photo from its start, middle or end. */
  private static boolean containsSliceOf(byte[] body, byte[] photo) {
    int n = Math.min(64, photo.length);
    for (int start : new int[] {0, photo.length / 2 - n / 2, photo.length - n}) {
      byte[] slice =
          java.util.Arrays.copyOfRange(photo, Math.max(0, start), Math.max(0, start) + n);
      for (int i = 0; i + n <= body.length; i++) {
        if (java.util.Arrays.equals(body, i, i + n, slice, 0, n)) {
          return true;
        }
      }
    }
    return false;
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private static Path requireReferenceData() {
    Path p = ReferenceData.root().resolve("pdq");
    if (!Files.isRegularFile(p.resolve("expected-pdq.csv"))) {
      String why =
          "PDQ reference data not found at "
              + p.toAbsolutePath().normalize()
              + " (the ThreatExchange test vectors in the project's shared/reference folder; set"
              + " HAETAE_REFERENCE_DIR)";
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why + ": skipped");
    }
    return p;
  }

  private static void requireBrowser() {
    String missing =
        !Files.isExecutable(CHROMIUM)
            ? CHROMIUM + " (Debian package chromium)"
            : !Files.isExecutable(CHROMEDRIVER)
                ? CHROMEDRIVER + " (Debian package chromium-driver)"
                : null;
    if (missing == null) {
      return;
    }
    String why = "the browser hashing test needs " + missing;
    if ("true".equals(System.getenv("CI"))) {
      fail(why + ", which CI installs (.ci/run)");
    }
    Assumptions.abort(why + ": skipped");
  }

  private ChromeDriver startBrowser() {
    // Selenium Manager never runs: the driver and the browser are given.
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--remote-allow-origins=*",
        "--user-data-dir=" + tmp.resolve("chromium-profile"),
        "--window-size=1024,768");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver d = new ChromeDriver(service, o);
    d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    d.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return d;
  }

  /** True for the schemes that reach another machine. */
  private static boolean leavesTheBrowser(String url) {
    int colon = url.indexOf(':');
    String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    return switch (scheme) {
      case "http", "https", "ws", "wss", "ftp" -> true;
      default -> false;
    };
  }
}
