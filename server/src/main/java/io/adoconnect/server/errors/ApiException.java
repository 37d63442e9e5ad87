package io.adoconnect.server.errors;

/**
 * A refusal decided by the service itself (not by core): unknown id, bad token, missing CSRF
 * header, wrong content type. Carries its status; {@link ErrorMapping} writes it like any other.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final String hint;

  public ApiException(int status, String code, String message, String hint) {
    super(message);
    this.status = status;
    this.code = code;
    this.hint = hint;
  }

  public static ApiException notFound(String what, String hint) {
    return new ApiException(404, "not_found", what, hint);
  }

  public static ApiException badRequest(String code, String message, String hint) {
    return new ApiException(400, code, message, hint);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String hint() {
    return hint;
  }
}
