package io.adoconnect.devops;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.NotFoundException;
import io.adoconnect.http.Names;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A build definition, pipeline or release definition as a user names it: by id (digits only) or by
 * name. The one place that turns the name into exactly one item, so every area and every front-end
 * says the same thing when it can't: no match lists what exists, several matches list each with its
 * id and folder and ask for the id.
 *
 * <pre>{@code
 * IdOrName wanted = IdOrName.parse(text, "build definition");
 * int id = wanted.id().orElseGet(() -> wanted.single(scope, matches, () -> all, describe).id());
 * }</pre>
 *
 * @param kind what is named, for messages: {@code build definition}
 */
public record IdOrName(Integer id, String name, String kind) {
  /** How many existing items an error lists at most. */
  static final int LISTED = 10;

  /** {@code text} as an id when it is all digits, else as a name; blank is bad input. */
  public static IdOrName parse(String text, String kind) {
    String wanted = text == null ? "" : text.strip();
    if (wanted.isEmpty()) {
      throw new InvalidInputException(
          "No " + kind + " given.", "Name the " + kind + " by its id or its name.");
    }
    if (wanted.length() <= 9 && wanted.chars().allMatch(Character::isDigit)) {
      return new IdOrName(Integer.parseInt(wanted), null, kind);
    }
    return new IdOrName(null, wanted, kind);
  }

  /** The id when one was given. */
  public Optional<Integer> givenId() {
    return Optional.ofNullable(id);
  }

  /**
   * The one item among {@code matches} (those Azure DevOps found for the name).
   *
   * @param existing every item, read only when nothing matched, for the error
   * @param describe an item for a message: name, id and folder
   * @throws NotFoundException when nothing matches, listing what exists
   * @throws InvalidInputException when several match, listing them
   */
  public <T> T single(
      ProjectScope scope,
      List<T> matches,
      Supplier<List<T>> existing,
      Function<T, String> describe) {
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      List<T> all = existing.get();
      throw new NotFoundException(
          null,
          "No "
              + kind
              + " in "
              + scope.path()
              + " is named "
              + Names.shown(name, kind + " name")
              + (all.isEmpty()
                  ? "; it has none."
                  : "; these exist: " + listed(all, describe) + "."),
          NextStep.advice("Give one of these names, or its id."));
    }
    throw new InvalidInputException(
        matches.size()
            + " "
            + kind
            + "s in "
            + scope.path()
            + " are named "
            + Names.shown(name, kind + " name")
            + ": "
            + listed(matches, describe)
            + ".",
        NextStep.advice("Give the id of the one you mean."));
  }

  /** {@code web-app-CI (id 12, folder \ci)}: how an item is listed in these messages. */
  public static String describe(String name, int id, String folder) {
    boolean root = folder == null || folder.isBlank() || folder.equals("\\");
    return name + " (id " + id + (root ? "" : ", folder " + folder) + ")";
  }

  private static <T> String listed(List<T> items, Function<T, String> describe) {
    String shown = items.stream().limit(LISTED).map(describe).collect(Collectors.joining(", "));
    return items.size() > LISTED ? shown + " and " + (items.size() - LISTED) + " more" : shown;
  }
}
