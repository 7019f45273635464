package org.haetae.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium under Selenium for the browser tests. The driver and the browser are
 * given, so Selenium Manager never runs (and would stay offline if asked).
 */
final class HeadlessChromium {
  static final Path CHROMIUM =
      Path.of(System.getProperty("haetae.e2e.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("haetae.e2e.chromedriver", "/usr/bin/chromedriver"));
  static final Duration WAIT = Duration.ofSeconds(30);

  private HeadlessChromium() {}

  /** Skips the test when the browser is missing, except in CI, which installs it. */
  static void require(String test) {
    String missing =
        !Files.isExecutable(CHROMIUM)
            ? CHROMIUM + " (Debian package chromium)"
            : !Files.isExecutable(CHROMEDRIVER)
                ? CHROMEDRIVER + " (Debian package chromium-driver)"
                : null;
    if (missing == null) {
      return;
    }
    String why = test + " needs " + missing;
    if ("true".equals(System.getenv("CI"))) {
      fail(why + ", which CI installs (.ci/run)");
    }
    Assumptions.abort(why + ": skipped");
  }

  /**
   * @param profile a fresh folder for the browser's profile
   * @param networkLog true to record the browser's network events (with request bodies)
   */
  static ChromeDriver start(Path profile, boolean networkLog) {
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
        "--user-data-dir=" + profile,
        "--window-size=1280,1000",
        "--lang=en-US");
    o.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    if (networkLog) {
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.PERFORMANCE, Level.ALL);
      o.setCapability("goog:loggingPrefs", logs);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver d = new ChromeDriver(service, o);
    d.manage().timeouts().pageLoadTimeout(WAIT);
    d.manage().timeouts().scriptTimeout(WAIT);
    return d;
  }

  /**
   * Every request the browser sent to another machine, from Chrome's own network log (post data
   * included), after checking each went to {@code base}. Chromium's own pages (chrome://, data:,
   * blob:) never leave the machine and are not counted; only network schemes can carry a photo
   * away. Reading the log empties it.
   */
  static List<Map<?, ?>> requestsSent(ChromeDriver browser, String base) {
    Json json = new Json();
    List<Map<?, ?>> out = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
      Map<?, ?> message =
          (Map<?, ?>) json.<Map<?, ?>>toType(entry.getMessage(), Map.class).get("message");
      if (!"Network.requestWillBeSent".equals(message.get("method"))) {
        continue;
      }
      Map<?, ?> request = (Map<?, ?>) ((Map<?, ?>) message.get("params")).get("request");
      String url = (String) request.get("url");
      int colon = url.indexOf(':');
      String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
      if (!List.of("http", "https", "ws", "wss", "ftp").contains(scheme)) {
        continue;
      }
      assertThat(url).as("request to " + url).startsWith(base + "/");
      out.add(request);
    }
    return out;
  }
}
