package org.haetae.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The steps the browser tests share on Haetae's pages: open a path of the running service, log in
 * and out through the forms, read text, run a script, wait, and keep a screenshot under {@code
 * target/e2e} for a person to look at.
 */
final class BrowserPage {
  static final Path SCREENSHOTS = Path.of("target", "e2e");

  private final WebDriver browser;
  private final String base;
  private final Duration wait;

  BrowserPage(WebDriver browser, String base, Duration wait) {
    this.browser = browser;
    this.base = base;
    this.wait = wait;
  }

  void open(String path) {
    browser.get(base + path);
  }

  /** Logs in through the form and checks the header names the user. */
  void logIn(String user, String password) {
    open("/login?lang=en");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor(d -> !d.getCurrentUrl().contains("/login"));
    assertThat(text("header .who")).isEqualTo(user);
  }

  void logOut() {
    browser.findElement(By.cssSelector("header form button[type=submit]")).click();
    waitFor(ExpectedConditions.urlContains("/login?logout"));
  }

  String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText().strip();
  }

  Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  /**
   * Waits for the condition. A renderer too busy to answer a single look (face models running on
   * the CPU of a loaded machine) is "not yet", like a missing element, until the wait runs out.
   */
  <T> T waitFor(Function<? super WebDriver, T> condition) {
    return new WebDriverWait(browser, wait)
        .ignoring(TimeoutException.class)
        .ignoring(ScriptTimeoutException.class)
        .until(condition);
  }

  void shot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(
        SCREENSHOTS.resolve(name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
