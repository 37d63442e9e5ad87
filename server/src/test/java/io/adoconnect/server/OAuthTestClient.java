package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An MCP client's side of the OAuth dance, step by step, so each test can break one step: register,
 * authorize, the operator's consent through a page tab, the token exchange, refresh, and calls to
 * {@code /mcp}.
 */
final class OAuthTestClient {
  static final String REDIRECT = "http://127.0.0.1:33333/callback";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Api api;
  private final Api.BrowserTab tab;
  String clientId;
  String verifier;
  String accessToken;
  String refreshToken;

  OAuthTestClient(Api api, Api.BrowserTab tab) {
    this.api = api;
    this.tab = tab;
  }

  OAuthTestClient register() {
    Api.Response r =
        api.post("/oauth/register")
            .noToken()
            .json(Map.of("client_name", "Test agent", "redirect_uris", List.of(REDIRECT)))
            .send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    clientId = r.json().path("client_id").asText();
    return this;
  }

  /** The query of a sound authorization request, with a fresh PKCE verifier. */
  Map<String, String> authorizeParams() {
    verifier = random(32);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", clientId);
    p.put("redirect_uri", REDIRECT);
    p.put("state", "st-" + random(8));
    p.put("code_challenge", challenge(verifier));
    p.put("code_challenge_method", "S256");
    p.put("resource", api.base() + "/mcp");
    p.put("scope", "mcp:read mcp:write");
    return p;
  }

  /**
   * The browser's navigation to {@code /oauth/authorize}: the tab's cookie goes along (a navigation
   * carries no tab secret), which a team deployment needs to know whose sign-in it is.
   */
  Api.Response authorize(Map<String, String> params) {
    Api.Request request = api.get("/oauth/authorize?" + form(params)).noToken();
    if (tab != null) {
      request.cookie(tab.cookie());
    }
    return request.send();
  }

  /** Authorizes and approves with this reach; returns the code. */
  String approve(boolean write, boolean sourcesOnly) {
    Map<String, String> params = authorizeParams();
    Api.Response r = authorize(params);
    assertThat(r.status()).as(r.toString()).isEqualTo(302);
    String location = r.header("Location");
    assertThat(location).startsWith("/?consent=");
    String id = location.substring("/?consent=".length());
    Api.Response answer =
        api.post("/api/oauth/requests/" + id)
            .as(tab)
            .json(Map.of("approve", true, "write", write, "sourcesOnly", sourcesOnly))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    Map<String, String> back = query(URI.create(answer.json().path("redirect").asText()));
    assertThat(back.get("state")).isEqualTo(params.get("state"));
    assertThat(back.get("iss")).isEqualTo(api.base().toString());
    return back.get("code");
  }

  Api.Response exchange(String code, String verifier, String redirect) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("grant_type", "authorization_code");
    p.put("code", code);
    p.put("redirect_uri", redirect);
    p.put("client_id", clientId);
    if (verifier != null) {
      p.put("code_verifier", verifier);
    }
    p.put("resource", api.base() + "/mcp");
    return token(p);
  }

  Api.Response refresh(String refresh) {
    return token(
        Map.of("grant_type", "refresh_token", "refresh_token", refresh, "client_id", clientId));
  }

  Api.Response token(Map<String, String> params) {
    Api.Response r =
        api.post("/oauth/token")
            .noToken()
            .body(
                "application/x-www-form-urlencoded", form(params).getBytes(StandardCharsets.UTF_8))
            .send();
    if (r.status() == 200) {
      accessToken = r.json().path("access_token").asText();
      refreshToken = r.json().path("refresh_token").asText();
    }
    return r;
  }

  /** The whole dance: register, approve, exchange. */
  OAuthTestClient signIn(boolean write, boolean sourcesOnly) {
    register();
    String code = approve(write, sourcesOnly);
    Api.Response r = exchange(code, verifier, REDIRECT);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return this;
  }

  /** A JSON-RPC call to {@code /mcp} with this client's access token. */
  Api.Request mcp(String json, String session) {
    Api.Request request =
        api.post("/mcp")
            .header("Authorization", "Bearer " + accessToken)
            .header("Accept", "application/json, text/event-stream")
            .json(json);
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    return request;
  }

  static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  static final String INITIALIZED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  /** Initializes a session; returns its id. */
  String initialize() {
    Api.Response r = mcp(INITIALIZE, null).send();
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    String session = r.header("Mcp-Session-Id");
    assertThat(session).isNotBlank();
    assertThat(mcp(INITIALIZED, session).send().status()).isEqualTo(202);
    return session;
  }

  /** The names of the tools this session lists. */
  List<String> tools(String session) {
    Api.Response r =
        mcp("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", session).send();
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<String> names = new java.util.ArrayList<>();
    rpcResult(r).path("result").path("tools").forEach(t -> names.add(t.path("name").asText()));
    return names;
  }

  /** A tool call's JSON-RPC result in this session. */
  JsonNode call(String session, String tool, Map<String, Object> arguments) {
    try {
      String json =
          Api.JSON.writeValueAsString(
              Map.of(
                  "jsonrpc",
                  "2.0",
                  "id",
                  3,
                  "method",
                  "tools/call",
                  "params",
                  Map.of("name", tool, "arguments", arguments)));
      Api.Response r = mcp(json, session).send();
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      return rpcResult(r).path("result");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The JSON-RPC message of an answer sent as JSON or as one SSE event. */
  static JsonNode rpcResult(Api.Response r) {
    String body = r.body();
    if (body.startsWith("{")) {
      return r.json();
    }
    String data =
        body.lines()
            .filter(l -> l.startsWith("data:"))
            .map(l -> l.substring(5).strip())
            .collect(Collectors.joining());
    try {
      return Api.JSON.readTree(data);
    } catch (java.io.IOException e) {
      throw new AssertionError(r.toString(), e);
    }
  }

  static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return out;
  }
}
