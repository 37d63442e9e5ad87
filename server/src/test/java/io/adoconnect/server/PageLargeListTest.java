package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Repository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The page over more than 20,000 repositories: 20 organizations × 100 projects × 18 repositories
 * configured, of which the simulator serves ~57 % as cloneable Git repositories (the rest are in
 * TFVC-only projects, disabled or never pushed), so the page lists a little over 20,000. Measures
 * the time until the list is usable — all lines parsed, the first rows shown, search and filter
 * enabled — and how long a search takes to narrow it. Reports the numbers; asserts only that
 * loading completes with the right total.
 */
class PageLargeListTest extends BrowserTestBase {
  @Override
  protected SimulatorConfig simulatorConfig() {
    return super.simulatorConfig().toBuilder().orgs(20).projects(100).repos(18).build();
  }

  @Test
  void twentyThousandRepositoriesLoadAndFilter() throws java.io.IOException {
    String[] report = new String[1];
    serve(
        (service, api) -> {
          List<String> orgs =
              IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("org-%03d", i)).toList();
          Api.Response connect =
              api.post("/api/connections/pat")
                  .json(Map.of("organizations", orgs, "pat", CANARY_PAT))
                  .send();
          assertThat(connect.status()).as(connect.toString()).isEqualTo(201);
          long expected =
              orgs.stream()
                  .mapToLong(
                      o ->
                          simulator.dataset().organization(o).orElseThrow().repositories().stream()
                              .filter(Repository::cloneable)
                              .count())
                  .sum();

          assertThat(expected).isGreaterThanOrEqualTo(20_000);

          // warm the service's discovery path once (JIT, connection pools) so the number measures
          // the page, not a cold JVM
          assertThat(api.get("/api/repositories").send().status()).isEqualTo(200);

          long started = System.nanoTime();
          browser.get(service.app.loginLink());
          waitFor(Duration.ofMinutes(3), d -> "ready".equals(body().getDomAttribute("data-repos")));
          long usableMillis = (System.nanoTime() - started) / 1_000_000;
          assertThat(byId("repo-status").getDomAttribute("data-total"))
              .isEqualTo(String.valueOf(expected));
          assertThat(byId("repo-count").getDomAttribute("data-total"))
              .isEqualTo(String.valueOf(expected));
          assertThat(byId("repo-status").getText()).contains("repositories in 20 organizations");
          assertThat(browser.findElements(By.cssSelector("#repo-rows > tr"))).hasSize(100);
          Number markAt =
              (Number)
                  js(
                      "const m = performance.getEntriesByName('ado:repos-usable')[0]; return m ? m.startTime : null;");
          Number streamMs = (Number) js("return window.adoConnectTimings.streamMs;");
          screenshot("loaded");

          // a search narrows 20,000 rows (after the debounce)
          String query =
              browser.findElements(By.cssSelector("#repo-rows td.name")).get(42).getText();
          long searchStarted = System.nanoTime();
          byId("repo-search").sendKeys(query);
          waitFor(
              d -> Integer.parseInt(byId("repo-count").getDomAttribute("data-matches")) < expected);
          long searchMillis = (System.nanoTime() - searchStarted) / 1_000_000;
          assertThat(browser.findElements(By.cssSelector("#repo-rows > tr")))
              .isNotEmpty()
              .allSatisfy(
                  row -> assertThat(row.getText().toLowerCase()).contains(query.toLowerCase()));

          // "Show more" adds the next page of matches
          byId("repo-search").clear();
          byId("repo-search").sendKeys(" ");
          waitFor(
              d ->
                  Integer.parseInt(byId("repo-count").getDomAttribute("data-matches")) == expected);
          byId("repo-more").click();
          waitFor(d -> d.findElements(By.cssSelector("#repo-rows > tr")).size() == 200);

          report[0] =
              String.format(
                  "PageLargeListTest: %d repositories usable in the page %d ms after opening the login link"
                      + " (page mark %.0f ms after navigation start; NDJSON stream %s ms of it); a search narrowed them in %d ms (incl. the 120 ms debounce)",
                  expected,
                  usableMillis,
                  markAt == null ? -1.0 : markAt.doubleValue(),
                  streamMs,
                  searchMillis);
        });
    // JavalinTest keeps the body's output to itself unless it fails: report after it
    System.out.println(report[0]);
    java.nio.file.Files.writeString(
        SCREENSHOTS.resolve("PageLargeListTest-timing.txt"), report[0] + "\n");
  }
}
