package io.adoconnect.simulator.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Dataset;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.http.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code GET /_apis/profile/profiles/{me|id}} and {@code GET /_apis/accounts?memberId=|ownerId=},
 * shaped like {@code profile-me.json} and {@code accounts-by-member.json}.
 */
public final class ProfileEndpoints implements AreaHandler {

  private static final Instant PROFILE_TIMESTAMP = Instant.parse("2024-01-15T08:30:00.123Z");

  private final Function<UUID, List<Collection>> organizationsOfMember;

  /** Every organization belongs to the dataset user. */
  public ProfileEndpoints(Dataset dataset) {
    this(dataset, member -> dataset.organizations());
  }

  /**
   * @param organizationsOfMember the organizations listed for the calling user's profile id (the
   *     caller is {@code call.scope().user()}: the dataset user for PATs, the Entra user for
   *     tokens)
   */
  public ProfileEndpoints(Dataset dataset, Function<UUID, List<Collection>> organizationsOfMember) {
    this.organizationsOfMember = organizationsOfMember;
  }

  @Override
  public Optional<Response> handle(ApiCall call) {
    if (!call.isGet() || call.project() != null || call.scope().kind() != Scope.Kind.VSSPS) {
      return Optional.empty();
    }
    String area = call.segment(0).orElse("");
    if (area.equalsIgnoreCase("profile")
        && call.hasSegments(3)
        && call.route().get(1).equalsIgnoreCase("profiles")) {
      String id = call.route().get(2);
      SimulatedUser caller = call.scope().user();
      boolean self = id.equalsIgnoreCase("me") || id.equalsIgnoreCase(caller.id().toString());
      return self ? Optional.of(Json.ok(profile(caller))) : Optional.empty();
    }
    if (area.equalsIgnoreCase("accounts") && call.hasSegments(1)) {
      return Optional.of(accounts(call));
    }
    return Optional.empty();
  }

  private static ObjectNode profile(SimulatedUser user) {
    ObjectNode node = Json.object();
    node.put("displayName", user.displayName());
    node.put("publicAlias", user.id().toString());
    node.put("emailAddress", user.emailAddress());
    node.put("coreRevision", 1647);
    node.put("timeStamp", PROFILE_TIMESTAMP.toString().replace("Z", "+00:00"));
    node.put("id", user.id().toString());
    node.put("revision", 1647);
    return node;
  }

  private Response accounts(ApiCall call) {
    Optional<String> member =
        call.request()
            .queryParameter("memberId")
            .or(() -> call.request().queryParameter("ownerId"))
            .filter(value -> !value.isBlank());
    if (member.isEmpty()) {
      // Message from vsts-rest-api-specs#24; typeName unverified.
      return ErrorEnvelope.of(
          400,
          "Necessary parameters ownerId or memberId were not provided",
          "System.ArgumentException, mscorlib");
    }
    UUID caller = call.scope().user().id();
    boolean self = member.get().equalsIgnoreCase(caller.toString());
    List<Collection> organizations = self ? organizationsOfMember.apply(caller) : List.of();
    String root = call.scope().rootUrl();
    return Json.ok(
        Json.collection(
            organizations.stream()
                .map(
                    org -> {
                      ObjectNode account = Json.object();
                      account.put("accountId", org.instanceId().toString());
                      account.put("accountUri", root + "/" + org.name() + "/");
                      account.put("accountName", org.name());
                      account.putObject("properties");
                      return account;
                    })
                .toList()));
  }
}
