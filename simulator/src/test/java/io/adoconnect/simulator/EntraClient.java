package io.adoconnect.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.entra.EntraDirectory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Form posts to the simulated Entra, as an OAuth client library sends them. */
final class EntraClient {

  static final String VS = EntraDirectory.VISUAL_STUDIO_CLIENT_ID;
  static final String ADO_SCOPE =
      EntraDirectory.AZURE_DEVOPS_RESOURCE + "/.default offline_access openid profile";
  static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

  private final Simulator simulator;

  EntraClient(Simulator simulator) {
    this.simulator = simulator;
  }

  static Map<String, String> form(String... pairs) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.put(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  HttpResponse<String> post(String path, Map<String, String> form) {
    return TestClient.send(
        HttpRequest.newBuilder(URI.create(simulator.baseUri() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build());
  }

  HttpResponse<String> get(String pathAndQuery) {
    return TestClient.send(
        HttpRequest.newBuilder(URI.create(simulator.baseUri() + pathAndQuery)).GET().build());
  }

  JsonNode deviceCode(String tenant, String scope) {
    HttpResponse<String> response =
        post("/" + tenant + "/oauth2/v2.0/devicecode", form("client_id", VS, "scope", scope));
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "devicecode answered " + response.statusCode() + ": " + response.body());
    }
    return TestClient.json(response);
  }

  HttpResponse<String> pollDevice(String tenant, String deviceCode) {
    return post(
        "/" + tenant + "/oauth2/v2.0/token",
        form("grant_type", DEVICE_GRANT, "client_id", VS, "device_code", deviceCode));
  }

  HttpResponse<String> refresh(String tenant, String refreshToken, String scope) {
    Map<String, String> form =
        form("grant_type", "refresh_token", "client_id", VS, "refresh_token", refreshToken);
    if (scope != null) {
      form.put("scope", scope);
    }
    return post("/" + tenant + "/oauth2/v2.0/token", form);
  }

  /** Device flow approved by hook: the token response. */
  JsonNode signIn(String tenant, String userPrincipalName) {
    return signIn(tenant, userPrincipalName, ADO_SCOPE);
  }

  /** Device flow asking for {@code scope}, approved: the token response. */
  JsonNode signIn(String tenant, String userPrincipalName, String scope) {
    JsonNode code = deviceCode(tenant, scope);
    if (userPrincipalName == null) {
      simulator.approve(code.get("user_code").asText());
    } else {
      simulator.approve(code.get("user_code").asText(), userPrincipalName);
    }
    HttpResponse<String> token = pollDevice(tenant, code.get("device_code").asText());
    if (token.statusCode() != 200) {
      throw new AssertionError("token answered " + token.statusCode() + ": " + token.body());
    }
    return TestClient.json(token);
  }

  /** An Azure DevOps GET with a bearer token and {@code X-TFS-FedAuthRedirect: Suppress}. */
  HttpResponse<String> devOps(String pathAndQuery, String accessToken) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(simulator.baseUri() + pathAndQuery))
            .header("X-TFS-FedAuthRedirect", "Suppress")
            .header("Accept", "application/json");
    if (accessToken != null) {
      builder.header("Authorization", "Bearer " + accessToken);
    }
    return TestClient.send(builder.GET().build());
  }
}
