package io.adoconnect.simulator.entra;

/** A browser sign-in shown by {@link AuthorizeEndpoint}, waiting for Accept or Cancel. */
record AuthorizationRequest(
    String id,
    Client client,
    String redirectUri,
    ScopeSet scopes,
    String state,
    String challenge,
    String challengeMethod,
    String nonce,
    String responseMode,
    Authority authority,
    String loginHint) {}
