/**
 * A simulated Microsoft Entra ID (identity platform v2) on the simulator's port: device code,
 * authorization code (PKCE, client secrets) and refresh token grants, OpenID metadata and signing
 * keys, the {@code /devicelogin} verification page, and the access tokens Azure DevOps routes
 * accept. Everything speaks Entra's wire format (form-encoded requests, JSON errors with {@code
 * error_codes}, {@code trace_id}, …).
 *
 * <p>{@link io.adoconnect.simulator.entra.EntraService} routes each request to the class of its
 * step — {@code DeviceAuthorizationEndpoint}, {@code TokenEndpoint} (one {@code TokenGrant} per
 * grant type), {@code AuthorizeEndpoint}, {@code DeviceLoginPage}, {@code MetadataEndpoint} — which
 * share one in-memory {@code GrantStore} and read time from the simulator's {@link
 * java.time.Clock}.
 */
package io.adoconnect.simulator.entra;
