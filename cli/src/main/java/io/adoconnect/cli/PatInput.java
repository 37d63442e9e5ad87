package io.adoconnect.cli;

import io.adoconnect.InvalidInputException;
import io.adoconnect.auth.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a PAT comes from — never a command-line argument, which other users can read in the process
 * list and which stays in shell history: {@code ADO_CONNECT_PAT}, else standard input when it is
 * piped, else a prompt that doesn't echo.
 */
final class PatInput {
  private static final int MAX_BYTES = 4096;

  private PatInput() {}

  static Secret read(CliContext ctx) {
    String fromEnv = ctx.env().get("ADO_CONNECT_PAT");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Secret.of(fromEnv.strip());
    }
    if (!ctx.interactive()) {
      return fromStdin(ctx.in());
    }
    char[] typed = ctx.prompt().read("Personal Access Token (input hidden): ");
    if (typed == null || new String(typed).isBlank()) {
      throw missing();
    }
    return Secret.of(new String(typed).strip());
  }

  private static Secret fromStdin(InputStream in) {
    try {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new InvalidInputException(
            "Standard input holds more than "
                + MAX_BYTES
                + " bytes; that is not a Personal Access Token.",
            "Pipe only the token, e.g. ado-connect connect pat --org ORG < token.txt");
      }
      String text = new String(bytes, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        throw missing();
      }
      return Secret.of(text);
    } catch (IOException e) {
      throw new InvalidInputException(
          "Could not read the token from standard input.",
          "Pipe the token in, or set ADO_CONNECT_PAT.");
    }
  }

  private static InvalidInputException missing() {
    return new InvalidInputException(
        "No Personal Access Token was given.",
        "Pipe it on standard input (ado-connect connect pat --org ORG < token.txt), type it at the prompt,"
            + " or set ADO_CONNECT_PAT. It is never taken as an argument.");
  }
}
