package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.auth.Secret;
import io.adoconnect.simulator.data.Repository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The integrations page in a real headless Chromium, against the simulator. */
class PageBrowserTest extends BrowserTestBase {

  @Test
  void withoutASessionThePageSaysHowToOpenIt() {
    serve(
        (service, api) -> {
          browser.get(api.base().resolve("/").toString());
          waitFor(d -> "signed-out".equals(body().getDomAttribute("data-page")));
          assertThat(byId("signed-out").isDisplayed()).isTrue();
          assertThat(byId("app").isDisplayed()).isFalse();
          String text = byId("signed-out").getText();
          assertThat(text)
              .contains("login link")
              .contains("ado-connect serve")
              .contains("ado-connect login-link")
              .contains(api.base() + "/api/session/login-link")
              .doesNotContain("8080")
              .doesNotContain("~/.ado-connect");
          screenshot("signed-out");
        });
  }

  @Test
  void aUsedLoginLinkSaysWhatHappenedAndHowToGetANewOne() {
    serve(
        (service, api) -> {
          String link = service.app.loginLink();
          browser.get(link);
          waitFor(d -> "app".equals(body().getDomAttribute("data-page")));
          // the ticket left the address bar
          assertThat(browser.getCurrentUrl()).isEqualTo(api.base() + "/");
          browser.get(link);
          waitFor(d -> "login-link-spent".equals(body().getDomAttribute("data-page")));
          String text = body().getText();
          assertThat(text)
              .contains("This login link no longer works")
              .contains("ado-connect login-link")
              .doesNotContain("{")
              .doesNotContain("login_ticket_invalid");
          screenshot("spent");
        });
  }

  @Test
  void aNewTabWithoutItsOwnLinkIsSignedOutAndTheFirstStaysSignedIn() {
    serve(
        (service, api) -> {
          openPage(service);
          String first = browser.getWindowHandle();
          // the same browser (same cookie), a new tab at the page's address: no secret of its own
          browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
          browser.get(api.base() + "/");
          waitFor(d -> "signed-out".equals(body().getDomAttribute("data-page")));
          screenshot("second-tab");
          // its own link signs it in
          browser.get(service.app.loginLink());
          waitFor(d -> "app".equals(body().getDomAttribute("data-page")));
          // a reload keeps the tab signed in (its secret is in its sessionStorage)
          browser.navigate().refresh();
          waitFor(d -> "app".equals(body().getDomAttribute("data-page")));
          browser.close();
          browser.switchTo().window(first);
          browser.navigate().refresh();
          waitFor(d -> "app".equals(body().getDomAttribute("data-page")));
          waitForText("accounts-status", "No account connected yet.");
          // the secret is nowhere but in this tab: no cookie a script can read, no localStorage
          assertThat(js("return document.cookie")).isEqualTo("");
          assertThat(((Number) js("return localStorage.length")).intValue()).isZero();
        });
  }

  /**
   * An error that names its next step (the API's {@code action}) gets a button that takes it on the
   * page; one without an action shows its prose hint only.
   */
  @Test
  void anErrorsNextStepIsAButtonOnThePage() {
    serve(
        (service, api) -> {
          connectThreeOrganizations(api);
          openPage(service);
          waitFor(d -> d.findElements(By.cssSelector("#accounts > li")).size() == 1);
          String accountId = service.ado.accounts().get(0).id();
          String show =
              "const [el, error, done] = [document.getElementById(arguments[0]), arguments[1],"
                  + " arguments[arguments.length - 1]];"
                  + " import('/assets/errors.js').then(m => { m.showError(el, error); done(true); });";
          ((org.openqa.selenium.JavascriptExecutor) browser)
              .executeAsyncScript(
                  show,
                  "repo-error",
                  Map.of(
                      "code", "azure_devops_access_denied",
                      "message", "Azure DevOps refused the token of org-003.",
                      "hint", "Connect org-003 with a new Personal Access Token.",
                      "action",
                          Map.of(
                              "type", "connect", "parameters", Map.of("organization", "org-003"))));
          WebElement button = byId("repo-error").findElement(By.cssSelector("button.next-step"));
          assertThat(button.getText()).isEqualTo("Connect with a Personal Access Token");
          assertThat(byId("repo-error").getText())
              .contains("What to try: Connect org-003")
              .doesNotContain("ado-connect ");
          screenshot("1-connect-pat-action");
          button.click();
          waitFor(
              d -> "pat-token".equals(browser.switchTo().activeElement().getDomAttribute("id")));
          assertThat(byId("pat-organization").getDomProperty("value")).isEqualTo("org-003");

          ((org.openqa.selenium.JavascriptExecutor) browser)
              .executeAsyncScript(
                  show,
                  "sources-error",
                  Map.of(
                      "code", "reconnect_required",
                      "message", "The sign-in of this account ended.",
                      "hint", "Connect it again.",
                      "action",
                          Map.of(
                              "type", "reconnect", "parameters", Map.of("accountId", accountId))));
          WebElement reconnect =
              byId("sources-error").findElement(By.cssSelector("button.next-step"));
          assertThat(reconnect.getText()).startsWith("Reconnect ");
          byId("pat-organization").clear();
          reconnect.click();
          waitFor(
              d -> "pat-token".equals(browser.switchTo().activeElement().getDomAttribute("id")));
          assertThat(byId("pat-organization").getDomProperty("value"))
              .isEqualTo("org-001, org-002, org-003");

          // no action, or one the page doesn't know: the hint alone
          ((org.openqa.selenium.JavascriptExecutor) browser)
              .executeAsyncScript(
                  show,
                  "accounts-error",
                  Map.of(
                      "code", "x",
                      "message", "Something failed.",
                      "hint", "Try later.",
                      "action", Map.of("type", "something_new")));
          assertThat(byId("accounts-error").findElements(By.tagName("button"))).isEmpty();
          assertThat(byId("accounts-error").getText()).contains("What to try: Try later.");
        });
  }

  @Test
  void patConnectWithAWrongThenTheRightToken() {
    serve(
        (service, api) -> {
          openPage(service);
          waitForText("accounts-status", "No account connected yet.");

          // a wrong token: the API's message and its hint, nothing saved
          type("pat-organization", "org-001");
          type("pat-token", "wrongpat0000000000000000000000000000000000000000000");
          byId("pat-test").click();
          waitFor(d -> byId("pat-error").isDisplayed());
          String error = byId("pat-error").getText();
          assertThat(error).contains("What to try:");
          byId("pat-connect").click();
          waitFor(
              d ->
                  byId("pat-error").isDisplayed()
                      && !"true".equals(byId("pat-connect").getDomAttribute("aria-busy")));
          assertThat(byId("pat-error").getText()).contains("What to try:");
          screenshot("1-wrong-token");
          assertThat(service.ado.accounts()).isEmpty();
          assertThat(browser.findElements(By.cssSelector("#accounts > li"))).isEmpty();

          // the right token: Test Connection shows who and how much, still nothing saved
          type("pat-token", CANARY_PAT);
          byId("pat-test").click();
          String result = waitForText("pat-result", "Connection works.");
          assertThat(result)
              .contains("org-001")
              .contains("projects")
              .contains("repositories")
              .contains("Nothing was saved");
          assertThat(byId("pat-error").isDisplayed()).isFalse();
          assertThat(service.ado.accounts()).isEmpty();
          screenshot("2-test-connection");

          // Connect: the account is listed, the token field is emptied
          byId("pat-connect").click();
          waitForText("pat-result", "Connected.");
          waitFor(d -> d.findElements(By.cssSelector("#accounts > li")).size() == 1);
          String account = byId("accounts").getText();
          assertThat(account)
              .contains("Personal Access Token")
              .contains("org-001")
              .contains("connected")
              .contains("May do")
              .contains("What the token's scopes allow");
          assertThat(byId("pat-token").getDomProperty("value")).isEmpty();
          assertThat(service.ado.accounts()).hasSize(1);
          screenshot("3-connected");
        });
  }

  @Test
  void deviceConnectApprovedInASecondTab() {
    serve(
        (service, api) -> {
          openPage(service);
          byId("device-start").click();
          String code =
              waitFor(
                  d -> {
                    String text = byId("device-code").getText();
                    return text.isBlank() ? null : text;
                  });
          WebElement link = byId("device-link");
          assertThat(link.getDomAttribute("href")).isEqualTo(simulator.baseUri() + "/devicelogin");
          assertThat(byId("device-state").getText()).contains("Waiting");
          screenshot("1-code-shown");

          // the person follows the link: a second tab on the (simulated) Microsoft page; enter the
          // code, Approve
          String page = browser.getWindowHandle();
          link.click();
          String tab =
              waitFor(
                  d ->
                      d.getWindowHandles().stream()
                          .filter(h -> !h.equals(page))
                          .findFirst()
                          .orElse(null));
          browser.switchTo().window(tab);
          waitFor(d -> d.findElement(By.id("otc"))).sendKeys(code);
          browser.findElement(By.xpath("//button[normalize-space()='Continue']")).click();
          waitFor(d -> d.findElement(By.xpath("//button[normalize-space()='Approve']"))).click();
          waitFor(d -> d.findElement(By.tagName("h1")).getText().contains("signed in"));
          screenshot("2-approved-at-microsoft");
          browser.close();
          browser.switchTo().window(page);

          // the page's next poll (at the flow's interval) sees it: authorized, the account listed
          afterInterval();
          waitFor(
              Duration.ofSeconds(30),
              d -> "authorized".equals(byId("device-state").getDomAttribute("data-state")));
          assertThat(byId("device-state").getText()).startsWith("Connected as");
          waitFor(d -> d.findElements(By.cssSelector("#accounts > li")).size() == 1);
          assertThat(byId("accounts").getText())
              .contains("Microsoft device code")
              .contains("connected");
          assertThat(service.ado.accounts()).hasSize(1);
          screenshot("3-authorized");
        });
  }

  @Test
  void deviceCodeDeclinedThenExpiredSaysWhatToDo() {
    serve(
        (service, api) -> {
          openPage(service);
          byId("device-start").click();
          String first =
              waitFor(
                  d ->
                      byId("device-code").getText().isBlank()
                          ? null
                          : byId("device-code").getText());
          simulator.decline(first);
          afterInterval();
          waitFor(d -> "denied".equals(byId("device-state").getDomAttribute("data-state")));
          assertThat(byId("device-state").getText()).contains("declined").contains("new code");
          screenshot("1-denied");

          byId("device-start").click();
          String second =
              waitFor(
                  d -> {
                    String code = byId("device-code").getText();
                    return code.isBlank() || code.equals(first) ? null : code;
                  });
          simulator.expire(second);
          afterInterval();
          waitFor(d -> "expired".equals(byId("device-state").getDomAttribute("data-state")));
          assertThat(byId("device-state").getText()).contains("expired").contains("new code");
          assertThat(service.ado.accounts()).isEmpty();
          screenshot("2-expired");
        });
  }

  @Test
  void signInWithMicrosoftThroughTheAuthorizePage() {
    Map<String, String> env = env();
    env.put("ADO_CONNECT_AZURE_DEVOPS_CLIENT_ID", WEB_CLIENT_ID);
    // the deployment asks for granular scopes: the card says which were granted
    env.put("ADO_CONNECT_ENTRA_SCOPES", "vso.code vso.build");
    try (Service service = new Service(env, Optional.of(Secret.of(CLIENT_SECRET)), c -> c)) {
      serve(
          service,
          (s, api) -> {
            simulator.registerClient(
                WEB_CLIENT_ID, CLIENT_SECRET, List.of(s.app.redirectUri().toString()));
            openPage(s);
            byId("signin-microsoft").click();
            // the (simulated) Microsoft sign-in page: pick the account, Accept
            waitFor(d -> d.getCurrentUrl().startsWith(simulator.baseUri().toString()));
            waitFor(d -> d.findElement(By.xpath("//button[normalize-space()='Accept']")));
            screenshot("1-microsoft-sign-in");
            browser.findElement(By.xpath("//button[normalize-space()='Accept']")).click();
            // back on the page, signed in to it still, the account listed
            waitFor(
                d ->
                    d.getCurrentUrl().equals(api.base() + "/")
                        && "app".equals(body().getDomAttribute("data-page")));
            waitFor(d -> d.findElements(By.cssSelector("#accounts > li")).size() == 1);
            assertThat(byId("accounts").getText())
                .contains("Sign in with Microsoft")
                .contains("connected")
                .contains("May do");
            assertThat(browser.findElements(By.cssSelector("#accounts .may-do li")))
                .extracting(WebElement::getText)
                .containsExactly("Code (Read)", "Build (Read)", "User profile (Read)");
            assertThat(s.ado.accounts()).hasSize(1);
            waitForRepositories();
            screenshot("2-back-with-account");
          });
    }
  }

  /**
   * Connects org-001…org-003 with the PAT through the API, as another tab or the CLI could have.
   */
  void connectThreeOrganizations(Api api) {
    Api.Response r =
        api.post("/api/connections/pat")
            .json(
                Map.of(
                    "organizations", List.of("org-001", "org-002", "org-003"), "pat", CANARY_PAT))
            .send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  List<WebElement> rows() {
    return browser.findElements(By.cssSelector("#repo-rows > tr"));
  }

  int count(String attribute) {
    return Integer.parseInt(byId("repo-count").getDomAttribute(attribute));
  }

  record Listed(String organization, String project, String name) {}

  @Test
  void browseAndFilterRepositories() {
    serve(
        (service, api) -> {
          connectThreeOrganizations(api);
          List<Listed> listed = new ArrayList<>();
          for (String org : List.of("org-001", "org-002", "org-003")) {
            simulator.dataset().organization(org).orElseThrow().repositories().stream()
                .filter(Repository::cloneable)
                .forEach(r -> listed.add(new Listed(org, r.project().name(), r.name())));
          }
          openPage(service);
          waitForRepositories();
          assertThat(byId("repo-status").getText())
              .contains(listed.size() + " repositories in 3 organizations");
          assertThat(count("data-total")).isEqualTo(listed.size());
          assertThat(rows()).hasSize(Math.min(100, listed.size()));
          screenshot("1-all");

          // search narrows the list: every row shown matches
          Listed wanted = listed.get(listed.size() / 2);
          String query = wanted.name();
          type("repo-search", query);
          waitFor(d -> count("data-matches") < listed.size());
          long expected =
              listed.stream()
                  .filter(
                      r ->
                          (r.name() + " " + r.project() + " " + r.organization())
                              .toLowerCase()
                              .contains(query.toLowerCase()))
                  .count();
          waitFor(d -> count("data-matches") == expected);
          assertThat(rows())
              .isNotEmpty()
              .allSatisfy(
                  row -> assertThat(row.getText().toLowerCase()).contains(query.toLowerCase()));
          assertThat(rows().stream().map(r -> r.findElement(By.cssSelector("td.name")).getText()))
              .contains(wanted.name());
          screenshot("2-search");

          // the organization filter, with the search cleared
          type("repo-search", "");
          new Select(byId("repo-org")).selectByValue("org-002");
          long inOrg2 = listed.stream().filter(r -> r.organization().equals("org-002")).count();
          waitFor(d -> count("data-matches") == inOrg2);
          assertThat(rows())
              .isNotEmpty()
              .allSatisfy(
                  row ->
                      assertThat(row.findElements(By.tagName("td")).get(2).getText())
                          .isEqualTo("org-002"));
          screenshot("3-organization");
        });
  }

  @Test
  void addASourceSeeItInSourcesAndRemoveIt() {
    serve(
        (service, api) -> {
          connectThreeOrganizations(api);
          openPage(service);
          waitForRepositories();
          waitForText("sources-status", "No sources yet");
          WebElement first = rows().get(0);
          String name = first.findElement(By.cssSelector("td.name")).getText();
          first.findElement(By.cssSelector("button.add")).click();
          waitFor(d -> d.findElements(By.cssSelector("#sources > li")).size() == 1);
          assertThat(byId("sources").getText()).contains(name).contains("connected");
          waitFor(d -> !rows().get(0).findElement(By.cssSelector("button.add")).isEnabled());
          assertThat(rows().get(0).findElement(By.cssSelector("button.add")).getText())
              .contains("Added");
          assertThat(service.ado.sources()).hasSize(1);
          // Offered on the new source: subscribing its events, all four types, then shown as on.
          byId("sources").findElement(By.cssSelector("button.subscribe")).click();
          waitFor(d -> !d.findElements(By.cssSelector("#sources .badge.subscribed")).isEmpty());
          // build.complete is subscribed on the project (builds name no repository filter).
          assertThat(service.ado.subscriptions())
              .hasSize(4)
              .filteredOn(h -> !h.eventType().equals("build.complete"))
              .allSatisfy(h -> assertThat(h.repository()).isEqualTo(name));
          assertThat(byId("sources-status").getText()).contains("Subscribed to the events of");
          screenshot("1-added");
          // the small picture in the README (server/docs/page.png is a copy): a search, the added
          // source
          int total = count("data-total");
          type("repo-search", "caf");
          waitFor(d -> count("data-matches") < total);
          screenshot("readme", 0.6);
          byId("repo-search").clear();
          byId("repo-search").sendKeys(" ");
          waitFor(d -> count("data-matches") == total);

          byId("sources").findElement(By.cssSelector("button.remove")).click();
          waitFor(d -> d.findElements(By.cssSelector("#sources > li")).isEmpty());
          waitFor(d -> rows().get(0).findElement(By.cssSelector("button.add")).isEnabled());
          assertThat(service.ado.sources()).isEmpty();
          assertThat(byId("sources-status").getText()).contains("Removed");
          screenshot("2-removed");
        });
  }

  @Test
  void disconnectAsksForConfirmationFirst() {
    serve(
        (service, api) -> {
          connectThreeOrganizations(api);
          openPage(service);
          waitFor(d -> d.findElements(By.cssSelector("#accounts > li")).size() == 1);
          WebElement dialog = byId("confirm");

          // Cancel keeps the account
          byId("accounts").findElement(By.cssSelector("button.disconnect")).click();
          waitFor(d -> dialog.isDisplayed());
          assertThat(dialog.getText()).contains("Disconnect").contains("sealed tokens");
          // focus moves to Cancel once the dialog has opened, which may be a frame after it shows
          waitFor(d -> "confirm-cancel".equals(d.switchTo().activeElement().getDomAttribute("id")));
          byId("confirm-cancel").click();
          waitFor(d -> !dialog.isDisplayed());
          assertThat(service.ado.accounts()).hasSize(1);
          assertThat(browser.findElements(By.cssSelector("#accounts > li"))).hasSize(1);

          // Disconnect in the dialog removes it
          byId("accounts").findElement(By.cssSelector("button.disconnect")).click();
          waitFor(d -> dialog.isDisplayed());
          screenshot("1-confirm");
          byId("confirm-ok").click();
          waitFor(d -> d.findElements(By.cssSelector("#accounts > li")).isEmpty());
          // the notice comes once the sources are reloaded too, a moment after the list empties
          waitFor(d -> byId("accounts-status").getText().contains("Disconnected"));
          assertThat(byId("accounts-status").getText())
              .contains("Disconnected")
              .contains("No account connected yet.");
          assertThat(service.ado.accounts()).isEmpty();
          waitFor(d -> "none".equals(body().getDomAttribute("data-repos")));
          screenshot("2-disconnected");
        });
  }

  @Test
  void labelledInputsAndKeyboardOnly() {
    serve(
        (service, api) -> {
          openPage(service);
          // every input and select has a label; one h1, h2 per section
          assertThat(
                  (Number)
                      js(
                          "return [...document.querySelectorAll('input, select')].filter(e => e.type !== 'hidden' && e.labels.length === 0).length"))
              .isEqualTo(0L);
          assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
          assertThat(
                  browser.findElements(By.cssSelector("#app h2")).stream()
                      .filter(WebElement::isDisplayed) // Agents (MCP) shows only with /mcp
                      .map(WebElement::getText))
              .containsExactly("Connect Azure DevOps", "Accounts", "Repositories", "Sources");

          // connect with the keyboard alone: type, Tab, type, Enter submits Connect
          byId("pat-organization").click();
          browser.switchTo().activeElement().sendKeys("org-001");
          browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
          assertThat(browser.switchTo().activeElement().getDomAttribute("id"))
              .isEqualTo("pat-token");
          browser.switchTo().activeElement().sendKeys(CANARY_PAT, org.openqa.selenium.Keys.ENTER);
          waitFor(d -> d.findElements(By.cssSelector("#accounts > li")).size() == 1);

          // the confirmation dialog: Escape cancels and gives the focus back to the Disconnect
          // button
          WebElement disconnect = byId("accounts").findElement(By.cssSelector("button.disconnect"));
          disconnect.sendKeys(org.openqa.selenium.Keys.ENTER);
          waitFor(d -> byId("confirm").isDisplayed());
          browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
          waitFor(d -> !byId("confirm").isDisplayed());
          waitFor(
              d ->
                  "disconnect".equals(browser.switchTo().activeElement().getDomAttribute("class")));
          assertThat(service.ado.accounts()).hasSize(1);
        });
  }
}
