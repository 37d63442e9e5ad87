package io.adoconnect.simulator.entra;

import io.adoconnect.simulator.http.PathCodec;
import java.util.Map;

/** Reading the form-encoded parameters of Entra's endpoints, with Entra's "missing" error. */
final class FormParameters {

  private FormParameters() {}

  static String required(Map<String, String> form, String name) {
    String value = form.get(name);
    if (value == null || value.isEmpty()) {
      throw missing(name);
    }
    return value;
  }

  static EntraError.Failure missing(String parameter) {
    // Code unverified (Entra's generic "missing parameter" code).
    return new EntraError.Failure(
        400,
        "invalid_request",
        900144,
        "The request body must contain the following parameter: '" + parameter + "'.");
  }

  /** {@code application/x-www-form-urlencoded} decoding of one value ({@code +} is a space). */
  static String decode(String raw) {
    return PathCodec.decode(raw.replace('+', ' '));
  }
}
