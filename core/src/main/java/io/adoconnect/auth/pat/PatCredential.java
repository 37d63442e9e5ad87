package io.adoconnect.auth.pat;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.auth.CredentialProvider;
import io.adoconnect.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A Personal Access Token, sent as HTTP Basic with an empty user name — the form Azure DevOps
 * documents for Services and Server alike.
 */
public final class PatCredential implements CredentialProvider {
  /** PATs are 52 (classic) or 84 characters; anything near a kilobyte is not a PAT. */
  private static final int MAX_LENGTH = 1024;

  private final Secret header;
  private final boolean server;
  private final String accountId;

  private PatCredential(Secret header, boolean server, String accountId) {
    this.header = header;
    this.server = server;
    this.accountId = accountId;
  }

  /** Validates the shape (not the value) of a PAT typed or piped in by a user. */
  public static PatCredential of(Secret pat, boolean server) {
    String value = pat.reveal();
    if (value.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          "That doesn't look like a Personal Access Token (it is "
              + value.length()
              + " characters long).",
          "Paste only the token Azure DevOps showed when you created it.");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        throw new InvalidInputException(
            "The Personal Access Token contains a space or control character.",
            "Paste only the token itself, without spaces or line breaks inside it.");
      }
    }
    return new PatCredential(
        Secret.of(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((":" + value).getBytes(StandardCharsets.UTF_8))),
        server,
        null);
  }

  /** The same token as the saved account {@code accountId}'s: a refusal names the account. */
  public PatCredential ofAccount(String accountId) {
    return new PatCredential(header, server, accountId);
  }

  @Override
  public Secret authorization() {
    return header;
  }

  @Override
  public NextStep refused() {
    String advice =
        "The Personal Access Token is invalid, expired or revoked, or lacks the scopes it needs. Create a new"
            + " token (User settings > Personal access tokens) with at least Code (Read) scope — Code, Build and"
            + " Release (Read, write & manage) for everything ado-connect does — then connect again."
            + (server
                ? " On Azure DevOps Server, PATs also fail when IIS Basic Authentication is enabled on"
                    + " the server."
                : "");
    return accountId == null
        ? NextStep.advice(advice)
        : NextStep.reconnect(accountId, "pat").withAdvice(advice);
  }

  @Override
  public String toString() {
    return "PatCredential[****]";
  }
}
