package io.adoconnect.simulator.auth;

import io.adoconnect.simulator.http.ApiCall;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which scope a scoped PAT needs for a call (azure-devops-rest.md §8), and which broader scopes
 * include it. A call whose area is not listed (profile, projects, location) needs no more than any
 * scope grants.
 */
public final class ScopeRules {
  // A broader scope grants the narrower ones of its family, as the token page's levels do.
  private static final Map<String, Set<String>> GRANTED_BY =
      Map.of(
          "vso.code", Set.of("vso.code", "vso.code_write", "vso.code_manage", "vso.code_full"),
          "vso.code_write", Set.of("vso.code_write", "vso.code_manage", "vso.code_full"),
          "vso.code_status", Set.of("vso.code_status", "vso.code_write", "vso.code_full"),
          "vso.build", Set.of("vso.build", "vso.build_execute"),
          "vso.build_execute", Set.of("vso.build_execute"),
          "vso.release", Set.of("vso.release", "vso.release_execute", "vso.release_manage"),
          "vso.release_execute", Set.of("vso.release_execute", "vso.release_manage"),
          "vso.work", Set.of("vso.work", "vso.work_write", "vso.work_full"),
          "vso.work_write", Set.of("vso.work_write", "vso.work_full"));

  private ScopeRules() {}

  /** The scope {@code call} needs, if its area is one scoped PATs are checked for. */
  public static Optional<String> required(ApiCall call) {
    String area = call.segment(0).orElse("").toLowerCase(Locale.ROOT);
    String method = call.request().method();
    boolean read = method.equals("GET") || method.equals("OPTIONS");
    return switch (area) {
      // Git's smart HTTP: cloning and fetching read, pushing writes.
      case "_git" ->
          Optional.of(
              io.adoconnect.simulator.git.GitHttpEndpoints.reads(call)
                  ? "vso.code"
                  : "vso.code_write");
      case "git" -> {
        boolean statuses = call.route().get(call.route().size() - 1).equalsIgnoreCase("statuses");
        yield Optional.of(read ? "vso.code" : statuses ? "vso.code_status" : "vso.code_write");
      }
      case "build", "pipelines" -> Optional.of(read ? "vso.build" : "vso.build_execute");
      case "release" -> Optional.of(read ? "vso.release" : "vso.release_execute");
      case "wit" -> {
        String last = call.route().get(call.route().size() - 1).toLowerCase(Locale.ROOT);
        boolean query = last.equals("wiql") || last.equals("workitemsbatch");
        yield Optional.of(read || query ? "vso.work" : "vso.work_write");
      }
      default -> Optional.empty();
    };
  }

  /** Whether a PAT with {@code scopes} may make a call needing {@code required}. */
  public static boolean allows(Set<String> scopes, String required) {
    return GRANTED_BY.getOrDefault(required, Set.of(required)).stream().anyMatch(scopes::contains);
  }
}
