package io.adoconnect.connect;

import io.adoconnect.auth.Secret;

/**
 * What the credential helper hands Git: a user name and, as the Basic password, the account's PAT
 * or a fresh Entra access token (Azure DevOps takes either; Git before 2.46 speaks Basic only).
 */
public record GitCredential(String username, Secret password, String accountId) {}
