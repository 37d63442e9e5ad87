package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.server.TeamFixture.Caller;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A connect link in a real browser: the page for one end user, once. */
class TeamPageBrowserTest extends BrowserTestBase {

  @Test
  void aConnectLinkOpensThePageForOneEndUserOnce() {
    try (Service service =
        new Service(env(), Optional.empty(), c -> c.withTeam(TeamFixture.teamMode(false)))) {
      Caller alice = TeamFixture.application(service, "orchestrator", "alice");
      canaries.add(alice.key());
      serve(
          service,
          (s, api) -> {
            Api.Response bob =
                alice
                    .as("bob")
                    .on(api.post("/api/connections/pat"))
                    .json(Map.of("organizations", List.of("org-002"), "pat", CANARY_PAT))
                    .send();
            assertThat(bob.status()).isEqualTo(201);
            String link =
                alice.on(api.post("/api/connect-links")).send().json().path("url").asText();

            browser.get(link);
            waitFor(d -> "app".equals(body().getDomAttribute("data-page")));
            assertThat(byId("page-status").getText()).contains("for alice");
            assertThat(byId("device-way").isDisplayed()).isFalse();
            waitForText("accounts-status", "No account connected yet."); // not bob's

            type("pat-organization", "org-001");
            type("pat-token", CANARY_PAT);
            byId("pat-connect").click();
            waitForText("pat-result", "Connected.");
            waitFor(d -> d.findElements(By.cssSelector("#accounts > li")).size() == 1);
            assertThat(byId("accounts").getText()).contains("org-001").doesNotContain("org-002");
            screenshot("team-connected");

            browser.get(link);
            waitFor(d -> "connect-link-spent".equals(body().getDomAttribute("data-page")));
            assertThat(body().getText())
                .contains("This connect link no longer works")
                .contains("application that sent you here")
                .doesNotContain("ado-connect login-link");
          });
    }
  }
}
