package io.adoconnect.connect;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.http.Names;

/**
 * The one place a path typed by a user ({@code ORGANIZATION[/PROJECT[/REPOSITORY]]}) is split into
 * a ref. Front-ends that take a path as one string call it; everything past it works on refs.
 */
public final class RefParser {
  private RefParser() {}

  public static OrganizationRef organization(String text, String accountId) {
    String[] parts = split(text, 1, "an organization", "fabrikam");
    return new OrganizationRef(parts[0], accountId);
  }

  public static ProjectRef project(String text, String accountId) {
    String[] parts = split(text, 2, "a project", "fabrikam/Fabrikam Fiber");
    return new ProjectRef(parts[0], parts[1], accountId);
  }

  public static RepositoryRef repository(String text, String accountId) {
    String[] parts = split(text, 3, "a repository", "fabrikam/Fabrikam Fiber/web-app");
    return new RepositoryRef(parts[0], parts[1], parts[2], accountId);
  }

  /** Whether {@code text} is a path at all (else an id): it has a slash. */
  public static boolean isPath(String text) {
    return text != null && text.contains("/");
  }

  /** Whether {@code text} names a repository ({@code ORG/PROJECT/REPO}) rather than a project. */
  public static boolean namesRepository(String text) {
    return text != null && text.strip().split("/", -1).length == 3;
  }

  private static String[] split(String text, int count, String what, String example) {
    String[] parts = text == null ? new String[0] : text.strip().split("/", -1);
    boolean blank = false;
    for (String part : parts) {
      blank |= part.isBlank();
    }
    if (parts.length != count || blank) {
      throw new InvalidInputException(
          Names.shown(text, "path") + " is not " + what + ".",
          NextStep.listRepositories(null)
              .withAdvice(
                  "Name it as "
                      + String.join("/", form(count))
                      + ", e.g. "
                      + example
                      + " (quote names with spaces)."));
    }
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].strip();
    }
    return parts;
  }

  private static String[] form(int count) {
    String[] all = {"ORGANIZATION", "PROJECT", "REPOSITORY"};
    String[] form = new String[count];
    System.arraycopy(all, 0, form, 0, count);
    return form;
  }
}
