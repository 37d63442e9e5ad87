package io.adoconnect.server;

import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.http.network.ProxyRoutes;
import io.adoconnect.net.AddressPolicy;
import io.adoconnect.net.AllowedTargets;
import io.adoconnect.net.CheckedTransport;
import io.adoconnect.net.Resolver;
import java.util.List;
import java.util.Map;

/**
 * Where the service may connect: every URL a caller supplies (a Server URL) passes the {@link
 * AddressPolicy} before each request, with the operator's exceptions from {@code
 * ADO_CONNECT_ALLOWED_TARGETS}; the endpoints the operator set ({@code ADO_CONNECT_*_URL}) are
 * trusted. Apply it to the settings before opening the {@code AdoConnect} the service runs on.
 */
public final class OutboundPolicy {
  private OutboundPolicy() {}

  /** {@code settings} with its transport checked, allow-list read from {@code env}. */
  public static ConnectSettings apply(ConnectSettings settings, Map<String, String> env) {
    return apply(settings, env, Resolver.SYSTEM);
  }

  /** As {@link #apply(ConnectSettings, Map)}, resolving names with {@code resolver}. */
  public static ConnectSettings apply(
      ConnectSettings settings, Map<String, String> env, Resolver resolver) {
    AllowedTargets allowed =
        AllowedTargets.parse(env.get(AddressPolicy.SETTING), AddressPolicy.SETTING);
    AzureDevOpsEndpoints endpoints = settings.endpoints();
    // The route the transport takes (HTTPS_PROXY, NO_PROXY, the JVM's proxy properties), read the
    // same way: through a proxy the target's name is checked, not the proxy's address.
    ProxyRoutes proxy = ProxyRoutes.from(env, System.getProperties());
    return settings.withTransport(
        new CheckedTransport(
            settings.transport(),
            new AddressPolicy(allowed, resolver),
            List.of(endpoints.devops(), endpoints.vssps(), endpoints.vsrm(), endpoints.login()),
            uri -> proxy.proxyFor(uri).isPresent()));
  }
}
