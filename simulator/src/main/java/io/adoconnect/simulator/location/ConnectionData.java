package io.adoconnect.simulator.location;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Deployment;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Scope;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Builds the {@code ConnectionData} answer, shaped like the constructed fixtures. */
final class ConnectionData {

  private static final String SERVICE_OWNER = "00025394-6065-48ca-87d9-7f5672854ef7";
  private static final String WINDOWS_SID = "S-1-5-21-1004336348-1177238915-682003330-1001";

  private ConnectionData() {}

  static ObjectNode of(Scope scope) {
    ObjectNode body = Json.object();
    body.set("authenticatedUser", identity(scope));
    body.set("authorizedUser", identity(scope));
    body.put("instanceId", instanceId(scope).toString());
    body.put("deploymentId", deploymentId(scope.deployment()).toString());
    if (scope.deployment() == Deployment.SERVER) {
      body.put("deploymentType", "onPremises");
      body.put("webApplicationRelativeDirectory", scope.webApplicationRelativeDirectory());
    } else {
      body.put("deploymentType", "hosted");
    }
    ObjectNode location = body.putObject("locationServiceData");
    location.put("serviceOwner", SERVICE_OWNER);
    location.put("defaultAccessMappingMoniker", "PublicAccessMapping");
    location.put("lastChangeId", 1234);
    location.put("lastChangeId64", 1234);
    return body;
  }

  private static ObjectNode identity(Scope scope) {
    SimulatedUser user = scope.user();
    boolean server = scope.deployment() == Deployment.SERVER;
    String account = server ? user.windowsAccount() : user.emailAddress();
    ObjectNode identity = Json.object();
    identity.put("id", user.id().toString());
    identity.put(
        "descriptor",
        server
            ? "System.Security.Principal.WindowsIdentity;" + WINDOWS_SID
            : "Microsoft.IdentityModel.Claims.ClaimsIdentity;"
                + user.tenantId()
                + "\\"
                + user.emailAddress());
    identity.put(
        "subjectDescriptor",
        server ? "win." + base64(WINDOWS_SID) : "aad." + base64(user.id().toString()));
    identity.put("providerDisplayName", server ? user.windowsAccount() : user.displayName());
    identity.put("isActive", true);
    ObjectNode accountProperty = identity.putObject("properties").putObject("Account");
    accountProperty.put("$type", "System.String");
    accountProperty.put("$value", account);
    identity.put("resourceVersion", 2);
    identity.put("metaTypeId", 0);
    return identity;
  }

  /** The organization's or collection's host id; the deployment id where there is no collection. */
  private static UUID instanceId(Scope scope) {
    return scope.collection() != null
        ? scope.collection().instanceId()
        : deploymentId(scope.deployment());
  }

  private static UUID deploymentId(Deployment deployment) {
    return UUID.nameUUIDFromBytes(
        ("ado-connect-simulator/" + deployment).getBytes(StandardCharsets.UTF_8));
  }

  private static String base64(String text) {
    return Base64.getEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
