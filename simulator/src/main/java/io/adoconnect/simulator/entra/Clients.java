package io.adoconnect.simulator.entra;

import io.adoconnect.simulator.http.Request;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered apps (Visual Studio's public client from the start) and client authentication at
 * the token endpoint. Thread-safe.
 */
final class Clients {
  private final Map<String, Client> clients = new ConcurrentHashMap<>();

  Clients() {
    clients.put(
        EntraDirectory.VISUAL_STUDIO_CLIENT_ID,
        new Client(EntraDirectory.VISUAL_STUDIO_CLIENT_ID, "Visual Studio", null, List.of(), true));
  }

  void register(String clientId, String secret, List<String> redirectUris) {
    clients.put(clientId, new Client(clientId, clientId, secret, List.copyOf(redirectUris), false));
  }

  /** The app with this id; a missing or unknown id is an Entra error. */
  Client find(String clientId) {
    if (clientId == null || clientId.isBlank()) {
      throw FormParameters.missing("client_id");
    }
    Client client = clients.get(clientId);
    if (client == null) {
      // Code from entra-oauth.md §10.2; the error name is unverified.
      throw new EntraError.Failure(
          400,
          "unauthorized_client",
          700016,
          "Application with identifier '"
              + clientId
              + "' was not found in the directory. This can happen if the application has not been installed by "
              + "the administrator of the tenant or consented to by any user in the tenant. You may have sent "
              + "your authentication request to the wrong tenant.");
    }
    return client;
  }

  /**
   * Client authentication at the token endpoint: {@code client_secret} in the form or HTTP Basic; a
   * public client must send neither.
   */
  Client authenticate(Request request, Map<String, String> form) {
    String clientId = form.get("client_id");
    String secret = form.get("client_secret");
    Optional<String> basic =
        request.header("Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
    if (basic.isPresent()) {
      String pair =
          new String(
              Base64.getDecoder().decode(basic.get().substring(6).trim()), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      if (colon > 0) {
        clientId = clientId == null ? FormParameters.decode(pair.substring(0, colon)) : clientId;
        secret = FormParameters.decode(pair.substring(colon + 1));
      }
    }
    Client client = find(clientId);
    if (client.confidential()) {
      if (secret == null) {
        throw new EntraError.Failure(
            401,
            "invalid_client",
            7000218,
            "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
      }
      if (!secret.equals(client.secret())) {
        throw new EntraError.Failure(
            401,
            "invalid_client",
            7000215,
            "Invalid client secret provided. Ensure the "
                + "secret being sent in the request is the client secret value, not the client secret ID, for a "
                + "secret added to app '"
                + client.clientId()
                + "'.");
      }
    } else if (secret != null) {
      throw new EntraError.Failure(
          401,
          "invalid_client",
          700025,
          "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.");
    }
    return client;
  }
}
