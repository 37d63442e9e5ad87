package io.adoconnect.server.team;

import io.adoconnect.connect.Applications;
import io.adoconnect.mcp.WriteAudit;
import io.adoconnect.server.access.AccessGuard;
import io.adoconnect.store.Owner;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit log of a team deployment: after every state-changing call an application made
 * for an end user (its key, or the end user's connect-link page), whatever it answered — who
 * (application, end user, how), what (method and route), on what (the path) and the outcome; and
 * every write tool an agent calls over /mcp for an end user. Calls nobody was authenticated for are
 * not anyone's to audit.
 */
public final class AuditTrail {
  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

  private final Applications applications;

  public AuditTrail(Applications applications) {
    this.applications = applications;
  }

  /**
   * An agent's write tool call over /mcp, for the end user whose grant it used: the action is
   * {@code tools/call <tool>}, the status 200 (done), 403 (refused) or 400 (failed).
   */
  public void mcpWrite(Owner owner, String tool, WriteAudit.Outcome outcome) {
    int status =
        switch (outcome) {
          case DONE -> 200;
          case REFUSED -> 403;
          case FAILED -> 400;
        };
    try {
      applications.audit(owner, "mcp", "tools/call " + tool, "/mcp", status);
    } catch (RuntimeException e) {
      log.error("audit log write failed for MCP tool {}: {}", tool, e.toString());
    }
  }

  public void after(Context ctx) {
    if (!AccessGuard.STATE_CHANGING.contains(ctx.method())) {
      return;
    }
    Owner owner = AccessGuard.owner(ctx);
    if (owner == null || owner.equals(Owner.LOCAL)) {
      return;
    }
    String via = AccessGuard.via(ctx) == AccessGuard.Via.APPLICATION_KEY ? "api_key" : "page";
    String route = ctx.path(); // no route matched (a 404): the path is all there is
    try {
      Endpoint matched = ctx.endpoints().lastHttpEndpoint();
      if (matched != null) {
        route = matched.path;
      }
    } catch (RuntimeException noEndpoint) {
      // as above
    }
    try {
      applications.audit(
          owner, via, ctx.method() + " " + route, ctx.path(), ctx.status().getCode());
    } catch (RuntimeException e) {
      // the call itself is done; a failed audit write is an operator's problem, not the caller's
      log.error("audit log write failed for {} {}: {}", ctx.method(), ctx.path(), e.toString());
    }
  }
}
