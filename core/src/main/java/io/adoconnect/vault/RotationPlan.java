package io.adoconnect.vault;

import java.util.Set;

/**
 * What a master key rotation works towards: every data key (and every secret still sealed directly
 * by a master key) ends up under {@code newKeyId}, after which the {@code retiring} keys leave the
 * key source. {@code keyWritten} says whether this run added the new key (false when it resumes an
 * interrupted rotation). Ids are unsigned, as Tink prints them.
 */
public record RotationPlan(long newKeyId, Set<Long> retiring, boolean keyWritten) {
  public RotationPlan {
    retiring = Set.copyOf(retiring);
  }
}
