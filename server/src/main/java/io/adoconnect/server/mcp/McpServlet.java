package io.adoconnect.server.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.http.Json;
import io.adoconnect.mcp.AdoConnectMcp;
import io.adoconnect.mcp.McpPolicy;
import io.adoconnect.mcp.ToolSet;
import io.adoconnect.mcp.WriteAudit;
import io.adoconnect.server.access.AccessGuard;
import io.adoconnect.server.access.HostPolicy;
import io.adoconnect.server.access.SecurityHeaders;
import io.adoconnect.server.oauth.OAuthUris;
import io.adoconnect.server.oauth.TokenIssuer;
import io.adoconnect.store.OAuthStore;
import io.adoconnect.store.Owner;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /mcp}: the SDK's Streamable HTTP servlet ({@link
 * HttpServletStreamableServerTransportProvider}) behind this service's checks, in order:
 *
 * <ol>
 *   <li>{@code Host} one of this service's names ({@link HostPolicy}, as for the API);
 *   <li>{@code Origin}, when sent, one of this service's configured origins — a page on another
 *       site, or one that re-pointed its name at this machine (DNS rebinding), is refused (403);
 *   <li>an OAuth access token issued for this resource ({@code Authorization: Bearer}); neither the
 *       API token nor the page's cookie opens {@code /mcp}. Without one: 401 with {@code
 *       WWW-Authenticate: Bearer resource_metadata="…"}, where an MCP client starts its sign-in;
 *   <li>a session ({@code Mcp-Session-Id}) is used only with tokens of the grant that opened it
 *       (403 otherwise; 404 for a session this servlet never handed out).
 * </ol>
 *
 * The token stays here: tools act through the core of the grant's owner ({@link GrantCallers}) with
 * that owner's stored Azure DevOps credentials, and nothing of the request's {@code Authorization}
 * is passed on. In a team deployment a grant whose application the operator revoked opens nothing
 * (401, as an unknown token).
 */
public final class McpServlet extends HttpServlet {
  static final String SESSION_HEADER = "Mcp-Session-Id";
  static final int MAX_SESSIONS = 10_000;
  private static final Logger log = LoggerFactory.getLogger(McpServlet.class);
  private static final ObjectMapper JSON = Json.MAPPER;

  private final HostPolicy hosts;
  private final TokenIssuer tokens;
  private final OAuthUris uris;
  private final HttpServletStreamableServerTransportProvider transport;
  private final McpSyncServer server;
  private final Map<String, String> sessionGrant = new ConcurrentHashMap<>();
  private final Predicate<Owner> live;

  /**
   * @param cores the core a grant's owner works on
   * @param live whether an owner is still served (team mode: its application is not revoked)
   * @param audits where an owner's write calls are recorded (team mode: the audit log)
   */
  public McpServlet(
      HostPolicy hosts,
      TokenIssuer tokens,
      OAuthUris uris,
      Function<Owner, AdoConnect> cores,
      Predicate<Owner> live,
      Function<Owner, WriteAudit> audits,
      McpHttp config) {
    this.hosts = hosts;
    this.tokens = tokens;
    this.uris = uris;
    this.live = live;
    this.transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(AdoConnectMcp.jsonMapper())
            .mcpEndpoint(OAuthUris.MCP_PATH)
            .contextExtractor(McpServlet::context)
            .maxRequestSize((int) AccessGuard.MAX_BODY)
            .build();
    this.server =
        AdoConnectMcp.server(
            transport,
            new GrantCallers(cores, audits),
            new McpPolicy(config.allowWrite(), ToolSet.all(), false),
            config.version());
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    SecurityHeaders.ALL.forEach(res::setHeader);
    if (!hosts.isAllowedHost(req.getHeader("Host"))) {
      error(
          res,
          400,
          "host_not_allowed",
          "This service does not answer to the host name this request was sent to.",
          "Use the address the service prints, or set ADO_CONNECT_PUBLIC_URL to the one you use.");
      return;
    }
    String origin = req.getHeader("Origin");
    if (origin != null && !hosts.isOwnOrigin(origin)) {
      error(
          res,
          403,
          "cross_origin",
          "Requests to /mcp from a page of another site are refused.",
          "Connect the MCP client directly, not from a web page of another origin.");
      return;
    }
    if ("POST".equals(req.getMethod()) && !acceptableBody(req, res)) {
      return;
    }
    Optional<OAuthStore.Grant> grant = bearer(req).flatMap(this::authenticate);
    if (grant.isEmpty()) {
      unauthorized(res, bearer(req).isPresent());
      return;
    }
    String session = req.getHeader(SESSION_HEADER);
    if (session != null) {
      String bound = sessionGrant.get(session);
      if (bound == null) {
        error(
            res,
            404,
            "mcp_session_not_found",
            "This MCP session does not exist (any more).",
            "Start a new session (initialize without Mcp-Session-Id).");
        return;
      }
      if (!bound.equals(grant.get().id())) {
        error(
            res,
            403,
            "mcp_session_not_yours",
            "This MCP session was opened by another client's sign-in.",
            "Start a new session (initialize without Mcp-Session-Id).");
        return;
      }
    }
    req.setAttribute(GrantCallers.GRANT, grant.get());
    transport.service(req, new BindingResponse(res, grant.get().id()));
    if ("DELETE".equals(req.getMethod()) && session != null && res.getStatus() < 300) {
      sessionGrant.remove(session);
    }
  }

  /** The API's body rules: at most 64 KiB (the SDK caps a chunked one), JSON only. */
  private static boolean acceptableBody(HttpServletRequest req, HttpServletResponse res)
      throws IOException {
    if (req.getContentLengthLong() > AccessGuard.MAX_BODY) {
      AccessGuard.beforeRefusingOversized(req, res);
      error(res, 413, "payload_too_large", "The request body is larger than 64 KiB.", "Send less.");
      return false;
    }
    String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json")) {
      error(
          res,
          415,
          "unsupported_media_type",
          "MCP messages are application/json.",
          "Send Content-Type: application/json.");
      return false;
    }
    return true;
  }

  private Optional<String> bearer(HttpServletRequest req) {
    String authorization = req.getHeader("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(7).strip());
  }

  private Optional<OAuthStore.Grant> authenticate(String token) {
    return tokens
        .authenticate(token, uris.resource().toString())
        .filter(grant -> live.test(Owner.ofKey(grant.owner())));
  }

  /** What a tool can learn of the caller: the grant (never its token). */
  private static McpTransportContext context(HttpServletRequest req) {
    Object grant = req.getAttribute(GrantCallers.GRANT);
    return grant instanceof OAuthStore.Grant g
        ? McpTransportContext.create(Map.of(GrantCallers.GRANT, g))
        : McpTransportContext.EMPTY;
  }

  private void unauthorized(HttpServletResponse res, boolean presented) throws IOException {
    res.setHeader(
        "WWW-Authenticate",
        "Bearer resource_metadata=\""
            + uris.resourceMetadata()
            + "\""
            + (presented ? ", error=\"invalid_token\"" : ""));
    error(
        res,
        401,
        presented ? "invalid_token" : "unauthorized",
        presented
            ? "The access token is unknown, expired, revoked or for another resource."
            : "/mcp needs an OAuth access token for this resource.",
        "Sign in from the MCP client: it finds the authorization server through the"
            + " resource_metadata of WWW-Authenticate.");
  }

  private static void error(
      HttpServletResponse res, int status, String code, String message, String hint)
      throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    body.put("hint", hint);
    body.put("action", null); // the API's one error shape (errors.ApiError)
    res.setStatus(status);
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    res.getWriter().write(JSON.writeValueAsString(body));
  }

  /** Stops the MCP server and its transport. */
  public void close() {
    try {
      server.closeGracefully();
    } catch (RuntimeException e) {
      log.debug("the MCP server did not stop cleanly: {}", e.toString());
    }
  }

  /** Binds the session id the SDK hands out (on initialize) to the grant whose token asked. */
  private final class BindingResponse extends HttpServletResponseWrapper {
    private final String grantId;

    BindingResponse(HttpServletResponse response, String grantId) {
      super(response);
      this.grantId = grantId;
    }

    @Override
    public void setHeader(String name, String value) {
      bind(name, value);
      super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
      bind(name, value);
      super.addHeader(name, value);
    }

    private void bind(String name, String value) {
      if (SESSION_HEADER.equalsIgnoreCase(name) && value != null) {
        if (sessionGrant.size() >= MAX_SESSIONS) {
          // the evicted session is answered 404 from now on, and its client starts a new one
          sessionGrant.keySet().stream().findAny().ifPresent(sessionGrant::remove);
        }
        sessionGrant.putIfAbsent(value, grantId);
      }
    }
  }
}
