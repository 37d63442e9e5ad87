package io.adoconnect.simulator.versioning;

import io.adoconnect.simulator.data.Deployment;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Response;
import java.util.Optional;

/**
 * Which api-versions a deployment accepts. Services: up to {@code 7.2}, where anything above the
 * released {@code 7.1} needs {@code -preview}. Server 2020: up to {@code 6.0}. A missing version is
 * accepted (Microsoft's Node client calls connectionData without one).
 */
public final class VersionPolicy {

  private static final String WEB_API = "Microsoft.VisualStudio.Services.WebApi";

  private VersionPolicy() {}

  /** Latest version a deployment serves (advertised as {@code maxVersion}). */
  public static String maxVersion(Deployment deployment) {
    return deployment == Deployment.SERVER ? "6.0" : "7.2";
  }

  /** Latest non-preview version (advertised as {@code releasedVersion}). */
  public static String releasedVersion(Deployment deployment) {
    return deployment == Deployment.SERVER ? "6.0" : "7.1";
  }

  /**
   * The error to answer instead of serving the request, if the requested version is not acceptable.
   */
  public static Optional<Response> reject(Optional<String> requested, Deployment deployment) {
    if (requested.isEmpty()) {
      return Optional.empty();
    }
    Optional<ApiVersion> parsed = ApiVersion.parse(requested.get());
    if (parsed.isEmpty()) {
      // Wording unverified; the type is the one the service uses for malformed versions.
      return Optional.of(
          ErrorEnvelope.of(
              400,
              "The following api-version is not valid: '" + requested.get() + "'.",
              WEB_API + ".VssInvalidApiVersionException, " + WEB_API));
    }
    ApiVersion version = parsed.get();
    if (version.compareNumberTo(maxVersion(deployment)) > 0) {
      return Optional.of(
          ErrorEnvelope.of(
              400,
              "The requested REST API version of "
                  + version.number()
                  + " is out of range for this server. "
                  + "The latest REST API version this server supports is "
                  + maxVersion(deployment)
                  + ".",
              WEB_API + ".VssVersionOutOfRangeException, " + WEB_API));
    }
    if (!version.preview() && version.compareNumberTo(releasedVersion(deployment)) > 0) {
      // Wording from memory of the live service; unverified.
      return Optional.of(
          ErrorEnvelope.of(
              400,
              "The requested version \""
                  + version.number()
                  + "\" of the resource is under preview. "
                  + "The -preview flag must be supplied in the api-version for such requests. "
                  + "For example: \""
                  + version.number()
                  + "-preview\"",
              WEB_API + ".VssInvalidPreviewVersionException, " + WEB_API));
    }
    return Optional.empty();
  }

  /**
   * The error for a released version where the resource exists only in preview on {@code
   * deployment}: Server 2020 serves e.g. the Pipelines API only as {@code 6.0-preview.1}. A missing
   * version is accepted as elsewhere. Wording as for {@link #reject}; unverified.
   */
  public static Optional<Response> requirePreview(
      Optional<String> requested, Deployment deployment, Deployment previewOn) {
    if (requested.isEmpty() || deployment != previewOn) {
      return Optional.empty();
    }
    Optional<ApiVersion> parsed = ApiVersion.parse(requested.get());
    if (parsed.isEmpty() || parsed.get().preview()) {
      return Optional.empty();
    }
    String number = parsed.get().number();
    return Optional.of(
        ErrorEnvelope.of(
            400,
            "The requested version \""
                + number
                + "\" of the resource is under preview. "
                + "The -preview flag must be supplied in the api-version for such requests. "
                + "For example: \""
                + number
                + "-preview\"",
            WEB_API + ".VssInvalidPreviewVersionException, " + WEB_API));
  }
}
