package io.adoconnect.simulator.identities;

import io.adoconnect.simulator.data.SimulatedUser;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The people of the simulated Azure DevOps: the dataset's user first, then the other Entra users.
 * Reviewers and identity searches draw from them.
 */
public record People(List<SimulatedUser> all) {

  public People {
    all = List.copyOf(all);
  }

  /** By id (GUID), case-insensitively. */
  public Optional<SimulatedUser> byId(String id) {
    return all.stream().filter(p -> p.id().toString().equalsIgnoreCase(id)).findFirst();
  }

  /** By mail address, account name or display name, case-insensitively. */
  public List<SimulatedUser> search(String value) {
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    return all.stream()
        .filter(
            p ->
                wanted.equals(lower(p.emailAddress()))
                    || wanted.equals(lower(p.windowsAccount()))
                    || wanted.equals(lower(p.displayName())))
        .toList();
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }
}
