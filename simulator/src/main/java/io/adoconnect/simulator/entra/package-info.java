/**
 * A simulated Microsoft Entra ID (identity platform v2) on the simulator's port: device code,
 * authorization code (PKCE, client secrets) and refresh token grants, OpenID metadata and signing
 * keys, the {@code /devicelogin} verification page, and the access tokens Azure DevOps routes
 * accept. Everything speaks Entra's wire format (form-encoded requests, JSON errors with {@code
 * error_codes}, {@code trace_id}, …).
 */
package io.adoconnect.simulator.entra;
