package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A token pasted into a name field never comes back (the base class scans every response for the
 * canary PAT); names that would walk the upstream URL path are a 400 before any request.
 */
class InputEchoTest extends ServerTestBase {
  @Test
  void aTokenInANameFieldIsDescribedNotEchoed() {
    serve(
        (service, api) -> {
          Api.Response organization =
              api.post("/api/connections/pat/test")
                  .json(Map.of("organization", CANARY_PAT, "pat", CANARY_PAT))
                  .send();
          assertThat(organization.status()).as(organization.toString()).isEqualTo(400);
          assertThat(organization.json().path("message").asText())
              .contains("the organization name given (51 characters long)");
          Api.Response collection =
              api.post("/api/connections/pat/test")
                  .json(
                      Map.of(
                          "serverUrl",
                          simulator.baseUri() + "/tfs",
                          "collection",
                          CANARY_PAT,
                          "pat",
                          CANARY_PAT))
                  .send();
          assertThat(collection.status()).as(collection.toString()).isEqualTo(404);
          api.post("/api/connections/pat")
              .json(Map.of("organization", "org-001", "pat", CANARY_PAT))
              .send();
          Api.Response listing = api.get("/api/repositories?organization=" + CANARY_PAT).send();
          assertThat(listing.status()).as(listing.toString()).isEqualTo(400);
          Api.Response source =
              api.post("/api/sources")
                  .json(Map.of("organization", "org-001", "project", CANARY_PAT, "repository", "r"))
                  .send();
          assertThat(source.status()).as(source.toString()).isEqualTo(404);
          // The scan after the class asserts none of these responses contains the canary.
          assertThat(organization.body() + collection.body() + listing.body() + source.body())
              .doesNotContain(CANARY_PAT);
        });
  }

  @Test
  void dotNamesAreRefusedBeforeAnyRequest() {
    serve(
        (service, api) -> {
          api.post("/api/connections/pat")
              .json(Map.of("organization", "org-001", "pat", CANARY_PAT))
              .send();
          simulator.resetCounts();
          for (Map<String, String> body :
              new Map[] {
                Map.of("organization", "org-001", "project", "..", "repository", "r"),
                Map.of("organization", "org-001", "project", "p", "repository", "."),
                Map.of("organization", "..", "project", "p", "repository", "r")
              }) {
            Api.Response response = api.post("/api/sources").json(body).send();
            assertThat(response.status()).as(body + " " + response).isEqualTo(400);
            assertThat(response.json().path("code").asText()).isEqualTo("invalid_input");
          }
          Api.Response collection =
              api.post("/api/connections/pat/test")
                  .json(
                      Map.of(
                          "serverUrl",
                          simulator.baseUri() + "/tfs",
                          "collection",
                          "..",
                          "pat",
                          CANARY_PAT))
                  .send();
          assertThat(collection.status()).isEqualTo(400);
          assertThat(simulator.requestCount()).isZero();
        });
  }
}
