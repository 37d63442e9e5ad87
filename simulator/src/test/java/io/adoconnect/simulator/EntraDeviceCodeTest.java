package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The device code grant, state by state, and its tokens on Azure DevOps routes. */
class EntraDeviceCodeTest {

    private static Simulator simulator;
    private static EntraClient entra;

    @BeforeAll
    static void start() {
        simulator = Simulator.start(SimulatorConfig.defaults().withDeviceCodeIntervalSeconds(0));
        entra = new EntraClient(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void deviceCodeApprovedTokenWorksOnHomeOrganization() {
        JsonNode code = entra.deviceCode("organizations", EntraClient.ADO_SCOPE);
        assertThat(code.get("user_code").asText()).matches("[A-Z2-9]{9}").isEqualTo(simulator.lastUserCode());
        assertThat(code.get("verification_uri").asText()).isEqualTo(simulator.baseUri() + "/devicelogin");
        assertThat(code.get("expires_in").asInt()).isEqualTo(900);
        assertThat(code.get("message").asText()).contains(code.get("user_code").asText()).contains("/devicelogin");

        HttpResponse<String> pending = entra.pollDevice("organizations", code.get("device_code").asText());
        assertThat(pending.statusCode()).isEqualTo(400);
        JsonNode error = TestClient.json(pending);
        assertThat(error.get("error").asText()).isEqualTo("authorization_pending");
        assertThat(error.get("error_codes").get(0).asInt()).isEqualTo(70016);
        assertThat(error.get("error_description").asText()).startsWith("AADSTS70016:").contains("Trace ID:");
        assertThat(error.has("timestamp") && error.has("trace_id") && error.has("correlation_id")).isTrue();

        simulator.approve(code.get("user_code").asText());
        HttpResponse<String> token = entra.pollDevice("organizations", code.get("device_code").asText());
        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode body = TestClient.json(token);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("scope").asText()).contains("499b84ac-1321-427f-aa17-267ca6975798/user_impersonation");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(body.get("ext_expires_in").asInt()).isEqualTo(3600);
        assertThat(body.has("refresh_token") && body.has("id_token")).isTrue();

        String accessToken = body.get("access_token").asText();
        assertThat(entra.devOps("/org-001/_apis/projects?api-version=7.1", accessToken).statusCode()).isEqualTo(200);
        assertThat(entra.devOps("/_apis/profile/profiles/me?api-version=7.1", accessToken).statusCode()).isEqualTo(200);
    }
}
