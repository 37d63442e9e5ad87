package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real-browser tests of the page: Debian's headless Chromium driven by Debian's chromium-driver
 * through Selenium (no browser download: the driver and the browser are the system's, the same
 * version). A fresh profile per test. When Chromium can't start, the test is skipped with the
 * reason — or fails, with {@code -Dado.requireBrowser=true} (as {@code scripts/test} runs it).
 * Screenshots go to {@code target/screenshots/}; the page source is scanned for the canaries.
 */
abstract class BrowserTestBase extends ServerTestBase {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final List<String> CHROMIUM_FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-dev-shm-usage",
          "--window-size=1280,1000");

  static {
    // Selenium warns that it has no CDP bindings for this Chromium version; the tests use none but
    // the screenshot command
    java.util.logging.Logger.getLogger("org.openqa.selenium.devtools")
        .setLevel(java.util.logging.Level.SEVERE);
  }

  protected ChromeDriver browser;
  private Path profile;
  private String testName;

  @BeforeEach
  void openBrowser(TestInfo info) throws IOException {
    testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
    Path binary = Path.of(System.getProperty("ado.chromium", "/usr/lib/chromium/chromium"));
    Path driver = Path.of(System.getProperty("ado.chromedriver", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(binary) || !Files.isExecutable(driver)) {
      unavailable(
          "Chromium ("
              + binary
              + ") or chromium-driver ("
              + driver
              + ") is not installed;"
              + " apt-get install -y --no-install-recommends chromium chromium-driver (scripts/test does it)",
          null);
    }
    profile = Files.createTempDirectory("ado-connect-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary.toFile());
    options.addArguments(CHROMIUM_FLAGS);
    options.addArguments("--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .build();
    try {
      browser = new ChromeDriver(service, options);
    } catch (WebDriverException e) {
      unavailable("Chromium did not start: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  private static void unavailable(String why, Throwable cause) {
    if (Boolean.getBoolean("ado.requireBrowser")) {
      Assertions.fail("The browser tests must run (ado.requireBrowser=true), but: " + why, cause);
    }
    Assumptions.abort(
        "Browser tests skipped: "
            + why
            + ". Set -Dado.requireBrowser=true to make this a failure.");
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      try {
        assertNoSecretOnPage();
      } finally {
        browser.quit();
        browser = null;
      }
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Opens the page the way a person does: the one-time login link, which lands on {@code /} signed
   * in.
   */
  void openPage(Service service) {
    browser.get(service.app.loginLink());
    waitFor(d -> "app".equals(body().getDomAttribute("data-page")));
  }

  WebElement body() {
    return browser.findElement(By.tagName("body"));
  }

  WebElement byId(String id) {
    return browser.findElement(By.id(id));
  }

  <T> T waitFor(Function<WebDriver, T> condition) {
    return waitFor(Duration.ofSeconds(30), condition);
  }

  <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
    WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(50));
    wait.ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait.until(
        d -> {
          T value = condition.apply(d);
          return value instanceof Boolean b && !b ? null : value;
        });
  }

  /** Waits until the element's text contains {@code text}; returns the whole text. */
  String waitForText(String id, String text) {
    return waitFor(
        d -> {
          String shown = byId(id).getText();
          return shown.contains(text) ? shown : null;
        });
  }

  void waitForRepositories() {
    waitFor(Duration.ofMinutes(2), d -> "ready".equals(body().getDomAttribute("data-repos")));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  void type(String id, String text) {
    WebElement input = byId(id);
    input.clear();
    input.sendKeys(text);
  }

  /** A full-page PNG under target/screenshots/, named after the test and the step. */
  Path screenshot(String step) {
    return screenshot(step, 1.0);
  }

  /** A full-page PNG at {@code scale} (e.g. 0.6 for the small one in the README). */
  Path screenshot(String step, double scale) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file =
          SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + testName + "-" + step + ".png");
      byte[] png;
      try {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics =
            (Map<String, Object>) browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 6000);
        Map<String, Object> shot =
            browser.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                    "format",
                    "png",
                    "captureBeyondViewport",
                    true,
                    "clip",
                    Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", scale)));
        png = Base64.getDecoder().decode((String) shot.get("data"));
      } catch (WebDriverException | ClassCastException | NullPointerException cdpUnavailable) {
        png = browser.getScreenshotAs(OutputType.BYTES);
      }
      Files.write(file, png);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** No token, PAT, secret or code the tests know of is anywhere in the page the browser holds. */
  void assertNoSecretOnPage() {
    for (String handle : browser.getWindowHandles()) {
      browser.switchTo().window(handle);
      String page =
          browser.getPageSource()
              + "\n"
              + js("return document.body ? document.body.innerText : ''");
      for (String canary : canaries) {
        assertThat(page)
            .as("the page at %s shows a secret", browser.getCurrentUrl())
            .doesNotContain(canary);
      }
    }
  }
}
