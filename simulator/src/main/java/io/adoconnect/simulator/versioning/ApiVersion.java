package io.adoconnect.simulator.versioning;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code api-version} value: {@code {major}.{minor}[-preview[.{resourceVersion}]]}.
 *
 * @param number {@code major.minor} as written, e.g. {@code 7.1}
 */
public record ApiVersion(String number, boolean preview) {

  private static final Pattern FORMAT =
      Pattern.compile("(\\d+\\.\\d+)(-preview(\\.\\d+)?)?", Pattern.CASE_INSENSITIVE);

  /** Parses a version, empty when the text is not a valid api-version. */
  public static Optional<ApiVersion> parse(String text) {
    Matcher matcher = FORMAT.matcher(text.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new ApiVersion(matcher.group(1), matcher.group(2) != null));
  }

  /** Numeric comparison of the {@code major.minor} part with {@code other} (e.g. {@code "6.0"}). */
  public int compareNumberTo(String other) {
    return new BigDecimal(number).compareTo(new BigDecimal(other));
  }
}
