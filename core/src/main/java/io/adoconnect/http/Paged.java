package io.adoconnect.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy list that fetches pages as it is iterated, following {@code x-ms-continuationtoken}, so
 * area clients return every item without ever handling tokens themselves. Nothing is fetched until
 * iteration starts; each iteration starts from the first page again.
 */
public final class Paged<T> implements Iterable<T> {
  private final Function<Optional<String>, Page<T>> fetch;

  public Paged(Function<Optional<String>, Page<T>> fetch) {
    this.fetch = fetch;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private Iterator<T> current = List.<T>of().iterator();
      private Optional<String> next = Optional.empty();
      private boolean started;

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (started && next.isEmpty()) {
            return false;
          }
          Page<T> page = fetch.apply(next);
          started = true;
          if (next.isPresent() && page.continuationToken().equals(next)) {
            throw new IllegalStateException(
                "Azure DevOps returned the same continuation token twice");
          }
          current = page.items().iterator();
          next = page.continuationToken().filter(token -> !token.isBlank());
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  public Stream<T> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  public List<T> toList() {
    List<T> all = new ArrayList<>();
    forEach(all::add);
    return List.copyOf(all);
  }
}
