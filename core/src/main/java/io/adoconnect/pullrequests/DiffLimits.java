package io.adoconnect.pullrequests;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;

/**
 * How much of a pull request's diff to compute: at most {@code maxFiles} files (each costs two
 * reads), files up to {@code maxFileBytes} on either side, and patches up to {@code maxPatchLines}
 * lines in all. What is left out is named in the result's notes, never dropped silently.
 */
public record DiffLimits(int maxFiles, int maxFileBytes, int maxPatchLines) {
  public static final DiffLimits DEFAULT = new DiffLimits(300, 1 << 20, 20_000);

  public DiffLimits {
    if (maxFiles < 1 || maxFileBytes < 1 || maxPatchLines < 1) {
      throw new InvalidInputException(
          "A diff needs room for at least one file, one byte and one line.",
          NextStep.advice("Give limits of 1 or more."));
    }
  }
}
