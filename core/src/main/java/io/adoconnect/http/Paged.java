package io.adoconnect.http;

import io.adoconnect.UnexpectedResponseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy list that fetches pages as it is iterated, following {@code x-ms-continuationtoken}, so
 * area clients return every item without ever handling tokens themselves. Nothing is fetched until
 * iteration starts; each iteration starts from the first page again.
 */
public final class Paged<T> implements Iterable<T> {
  /**
   * At most this many pages per iteration: a million pull requests at their page size of 100, far
   * past any real listing, and a stop for a server that never stops handing out new tokens.
   */
  public static final int MAX_PAGES = 10_000;

  private final Function<Optional<String>, Page<T>> fetch;
  private final int maxPages;

  public Paged(Function<Optional<String>, Page<T>> fetch) {
    this(fetch, MAX_PAGES);
  }

  Paged(Function<Optional<String>, Page<T>> fetch, int maxPages) {
    this.fetch = fetch;
    this.maxPages = maxPages;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private Iterator<T> current = List.<T>of().iterator();
      private Optional<String> next = Optional.empty();
      private final Set<String> seen = new HashSet<>();
      private int pages;

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (pages > 0 && next.isEmpty()) {
            return false;
          }
          if (pages == maxPages) {
            throw endless("more than " + maxPages + " pages");
          }
          Page<T> page = fetch.apply(next);
          pages++;
          current = page.items().iterator();
          next = page.continuationToken().filter(token -> !token.isBlank());
          if (next.isPresent() && !seen.add(next.get())) {
            // A token handed out before would start the same pages again, forever.
            throw endless("a continuation token it had already sent");
          }
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

  private static UnexpectedResponseException endless(String what) {
    return new UnexpectedResponseException(
        200,
        "Azure DevOps kept paging: it sent " + what + "; ado-connect stopped reading the list.",
        "Try again later; if it keeps happening, narrow the request or report it.");
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
