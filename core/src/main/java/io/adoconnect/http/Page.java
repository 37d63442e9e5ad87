package io.adoconnect.http;

import java.util.List;
import java.util.Optional;

/** One page of a list and the token for the next one, if any. */
public record Page<T>(List<T> items, Optional<String> continuationToken) {
  public Page {
    items = List.copyOf(items);
  }
}
