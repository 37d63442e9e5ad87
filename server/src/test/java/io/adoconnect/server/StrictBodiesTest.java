package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Request bodies mean one thing: a key given twice, or a scalar of another type, is a 400 naming
 * the field (unless the field name itself looks like something pasted by mistake); a PAT request
 * names at most 100 organizations. Nothing reaches Azure DevOps.
 */
class StrictBodiesTest extends ServerTestBase {
  private static Api.Response send(Api api, String body) {
    return api.post("/api/connections/pat/test").json(body).send();
  }

  private static void refused(Api.Response response, String... says) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("code").asText()).isEqualTo("malformed_json");
    assertThat(response.json().path("message").asText()).contains(says);
  }

  @Test
  void duplicateKeysAndCoercedScalarsAreRefusedNamingTheField() {
    serve(
        (service, api) -> {
          simulator.resetCounts();
          refused(
              send(
                  api,
                  "{\"organization\":\"org-001\",\"organization\":\"org-002\",\"pat\":\""
                      + CANARY_PAT
                      + "\"}"),
              "'organization' appears twice");
          refused(
              send(api, "{\"organization\":true,\"pat\":\"" + CANARY_PAT + "\"}"),
              "'organization'");
          refused(
              send(api, "{\"organization\":123,\"pat\":\"" + CANARY_PAT + "\"}"), "'organization'");
          refused(
              send(api, "{\"organizations\":[\"org-001\", 7],\"pat\":\"" + CANARY_PAT + "\"}"),
              "'organizations[1]'");
          refused(send(api, "{\"organization\":\"org-001\",\"pat\":false}"), "'pat'");
          // A secret pasted as a key is not repeated, neither unknown nor duplicated.
          Api.Response unknown =
              send(api, "{\"organization\":\"org-001\",\"" + CANARY_PAT + "\":\"x\"}");
          refused(unknown, "a field it doesn't know");
          Api.Response twice =
              send(
                  api,
                  "{\"organization\":\"org-001\",\""
                      + CANARY_PAT
                      + "\":1,\""
                      + CANARY_PAT
                      + "\":2}");
          assertThat(twice.status()).isEqualTo(400);
          assertThat(twice.body()).doesNotContain(CANARY_PAT);
          assertThat(simulator.requestCount()).isZero();
        });
  }

  @Test
  void aPatRequestNamesAtMostAHundredOrganizations() {
    serve(
        (service, api) -> {
          simulator.resetCounts();
          List<String> many = IntStream.rangeClosed(1, 2000).mapToObj(i -> "org-" + i).toList();
          Api.Response response =
              api.post("/api/connections/pat")
                  .json(Map.of("organizations", many, "pat", CANARY_PAT))
                  .send();
          assertThat(response.status()).as(response.toString()).isEqualTo(400);
          assertThat(response.json().path("code").asText()).isEqualTo("invalid_input");
          assertThat(response.json().path("message").asText())
              .contains("At most 100 organizations");
          assertThat(simulator.requestCount()).isZero();
          assertThat(api.get("/api/accounts").send().json()).isEmpty();
        });
  }
}
