package io.adoconnect.devops;

import io.adoconnect.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Azure DevOps REST {@code api-version}: {@code major.minor[-preview[.n]]}. Services speaks 7.1;
 * Azure DevOps Server 2020 stops at 6.0 and 2022 at 7.0, so a Server's version is negotiated.
 */
public record ApiVersion(int major, int minor, String preview) implements Comparable<ApiVersion> {
  public static final ApiVersion SERVICES = new ApiVersion(7, 1, null);
  public static final ApiVersion V7_0 = new ApiVersion(7, 0, null);

  /** What ado-connect asks a Server for first; a Server that is older says which version it has. */
  public static final ApiVersion SERVER_FIRST_TRY = new ApiVersion(7, 1, null);

  private static final Pattern FORMAT = Pattern.compile("(\\d+)\\.(\\d+)(-preview(\\.\\d+)?)?");

  public static ApiVersion parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new InvalidInputException(
          io.adoconnect.http.Names.shown(text, "version")
              + " is not an Azure DevOps REST API version.",
          "Use the form 7.1 or 6.0-preview.1.");
    }
    String preview = m.group(3) == null ? null : m.group(3).substring(1);
    return new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), preview);
  }

  /**
   * This version, or its {@code -preview.n} form when it is older than {@code released}: Server
   * 2020 (6.0) serves some APIs, e.g. PR statuses and pipelines, only as {@code 6.0-preview.1}.
   */
  public ApiVersion orPreviewBefore(ApiVersion released, int n) {
    return compareTo(released) >= 0 ? this : new ApiVersion(major, minor, "preview." + n);
  }

  @Override
  public int compareTo(ApiVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor + (preview == null ? "" : "-" + preview);
  }
}
