package io.adoconnect.simulator.entra;

import java.util.List;
import java.util.Locale;

/**
 * Resolves the {@code {tenant}} segment of an Entra URL ({@code common}, {@code organizations},
 * {@code consumers}, a tenant id or domain) and says who may sign in there.
 */
final class Authorities {
  private final EntraDirectory directory;

  Authorities(EntraDirectory directory) {
    this.directory = directory;
  }

  /** Any known authority; an unknown tenant is {@code invalid_request} AADSTS90002. */
  Authority resolve(String segment) {
    return switch (segment.toLowerCase(Locale.ROOT)) {
      case "common" -> new Authority("common", Authority.Kind.COMMON, null);
      case "organizations" -> new Authority("organizations", Authority.Kind.ORGANIZATIONS, null);
      case "consumers" -> new Authority("consumers", Authority.Kind.CONSUMERS, null);
      default ->
          directory
              .tenant(segment)
              .map(t -> new Authority(segment, Authority.Kind.TENANT, t))
              // Code from Entra's error reference; wording unverified.
              .orElseThrow(
                  () ->
                      new EntraError.Failure(
                          400,
                          "invalid_request",
                          90002,
                          "Tenant '"
                              + segment
                              + "' not found. Check to make sure you have the correct tenant ID and are signing into the "
                              + "correct cloud."));
    };
  }

  /**
   * An authority a sign-in flow of {@code client} may use: {@code /consumers} is refused, the
   * simulated apps being for Entra accounts only.
   */
  Authority forFlow(String segment, Client client) {
    Authority authority = resolve(segment);
    if (authority.kind() == Authority.Kind.CONSUMERS) {
      // entra-oauth.md §2: AADSTS9002332 for Entra-only apps at /consumers. Error name unverified.
      throw new EntraError.Failure(
          400,
          "invalid_request",
          9002332,
          "Application '"
              + client.clientId()
              + "'("
              + client.displayName()
              + ") is configured for use by Azure Active Directory users only. Please do "
              + "not use the /consumers endpoint to serve this request.");
    }
    return authority;
  }

  /** The users who can sign in at {@code authority}, the default user first. */
  List<EntraUser> eligibleUsers(Authority authority) {
    return authority.tenant() != null
        ? directory.usersOf(authority.tenant().id())
        : directory.users();
  }
}
