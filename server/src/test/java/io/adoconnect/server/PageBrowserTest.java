package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The integrations page in a real headless Chromium, against the simulator. */
class PageBrowserTest extends BrowserTestBase {

  @Test
  void withoutASessionThePageSaysHowToOpenIt() {
    serve((service, api) -> {
      browser.get(api.base().resolve("/").toString());
      waitFor(d -> "signed-out".equals(body().getDomAttribute("data-page")));
      assertThat(byId("signed-out").isDisplayed()).isTrue();
      assertThat(byId("app").isDisplayed()).isFalse();
      assertThat(byId("signed-out").getText()).contains("login link").contains("ado-connect serve");
      screenshot("signed-out");
    });
  }

  @Test
  void patConnectWithAWrongThenTheRightToken() {
    serve((service, api) -> {
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
      waitFor(d -> byId("pat-error").isDisplayed() && !"true".equals(byId("pat-connect").getDomAttribute("aria-busy")));
      assertThat(byId("pat-error").getText()).contains("What to try:");
      screenshot("1-wrong-token");
      assertThat(service.ado.accounts()).isEmpty();
      assertThat(browser.findElements(By.cssSelector("#accounts > li"))).isEmpty();

      // the right token: Test Connection shows who and how much, still nothing saved
      type("pat-token", CANARY_PAT);
      byId("pat-test").click();
      String result = waitForText("pat-result", "Connection works.");
      assertThat(result).contains("org-001").contains("projects").contains("repositories").contains("Nothing was saved");
      assertThat(byId("pat-error").isDisplayed()).isFalse();
      assertThat(service.ado.accounts()).isEmpty();
      screenshot("2-test-connection");

      // Connect: the account is listed, the token field is emptied
      byId("pat-connect").click();
      waitForText("pat-result", "Connected.");
      waitFor(d -> d.findElements(By.cssSelector("#accounts > li")).size() == 1);
      String account = byId("accounts").getText();
      assertThat(account).contains("Personal Access Token").contains("org-001").contains("connected");
      assertThat(byId("pat-token").getDomProperty("value")).isEmpty();
      assertThat(service.ado.accounts()).hasSize(1);
      screenshot("3-connected");
    });
  }
}
