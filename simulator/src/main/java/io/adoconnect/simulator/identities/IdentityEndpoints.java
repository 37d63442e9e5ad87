package io.adoconnect.simulator.identities;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET {base}/_apis/identities?searchFilter=General|MailAddress|AccountName&filterValue=…}
 * and {@code ?identityIds=a,b}: the IMS identity read, at the organization or collection. On
 * Services the real call lives on {@code vssps.dev.azure.com/{org}}; the organization host is
 * believed to forward it (unverified), and the simulator serves it there.
 */
public final class IdentityEndpoints implements AreaHandler {
  private final People people;

  public IdentityEndpoints(People people) {
    this.people = people;
  }

  @Override
  public Optional<Response> handle(ApiCall call) {
    if (call.scope().collection() == null
        || call.project() != null
        || !call.hasSegments(1)
        || !call.route().get(0).equalsIgnoreCase("identities")
        || !call.isGet()) {
      return Optional.empty();
    }
    Optional<String> ids = call.request().queryParameter("identityIds");
    Optional<String> filter = call.request().queryParameter("filterValue");
    List<SimulatedUser> found;
    if (ids.isPresent()) {
      found =
          Arrays.stream(ids.get().split(","))
              .map(String::trim)
              .map(people::byId)
              .flatMap(Optional::stream)
              .toList();
    } else if (filter.isPresent() && !filter.get().isBlank()) {
      found = people.search(filter.get());
    } else {
      // Wording unverified.
      return Optional.of(
          ErrorEnvelope.of(
              400,
              "Either identityIds or searchFilter and filterValue must be specified.",
              "System.ArgumentException, mscorlib"));
    }
    return Optional.of(Json.ok(Json.collection(found.stream().map(this::identity).toList())));
  }

  private ObjectNode identity(SimulatedUser user) {
    ObjectNode node = Json.object();
    node.put("id", user.id().toString());
    node.put("descriptor", "Microsoft.IdentityModel.Claims.ClaimsIdentity;" + user.emailAddress());
    node.put("providerDisplayName", user.displayName());
    node.put("isActive", true);
    node.put("isContainer", false);
    node.putArray("members");
    node.putArray("memberOf");
    ObjectNode properties = node.putObject("properties");
    property(properties, "Account", user.emailAddress());
    property(properties, "Mail", user.emailAddress());
    node.put("resourceVersion", 2);
    node.put("metaTypeId", 0);
    return node;
  }

  private static void property(ObjectNode properties, String name, String value) {
    ObjectNode p = properties.putObject(name);
    p.put("$type", "System.String");
    p.put("$value", value);
  }
}
