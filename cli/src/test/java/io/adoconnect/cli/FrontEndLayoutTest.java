package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaConstructorReference;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaMethodReference;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.adoconnect.connect.RefParser;
import io.adoconnect.devops.ProjectScope;
import io.adoconnect.devops.RepositoryScope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the front-ends thin (issue 9, "One core for every front-end"): the CLI and the server reach
 * Azure DevOps only through core's handles ({@code ado.repository(ref).git()}, {@code
 * ado.project(ref).builds()}), and a typed {@code ORG/PROJECT[/REPO]} path is split in one place,
 * {@link RefParser}. This lives in cli because cli is the one module that sees core, server and
 * itself (cli depends on server, server on core).
 *
 * <p>Each rule lists what breaks it as {@code class (file:line)}. The {@code PENDING_…} sets are
 * front-end classes whose area is still being moved onto handles; they may only shrink: a listed
 * class that no longer breaks the rule fails the test until it is removed from the list.
 */
class FrontEndLayoutTest {
  private static final String[] FRONT_ENDS = {"io.adoconnect.cli", "io.adoconnect.server"};

  /** Packages with one REST area each; their {@code *Client}s and scoped APIs belong to core. */
  private static final Set<String> AREAS =
      Set.of(
          "io.adoconnect.organizations",
          "io.adoconnect.projects",
          "io.adoconnect.repositories",
          "io.adoconnect.git",
          "io.adoconnect.pullrequests",
          "io.adoconnect.builds",
          "io.adoconnect.pipelines",
          "io.adoconnect.releases",
          "io.adoconnect.workitems",
          "io.adoconnect.hooks");

  /**
   * Front-end classes (top level) that still construct an area client: the area work removes them.
   */
  private static final Set<String> PENDING_CLIENTS = Set.of();

  /**
   * Classes that may split a string, each for something that is not a typed path (the simulator is
   * left out: it is the Azure DevOps side and parses request paths as a server must).
   */
  private static final Map<String, String> SPLITS_THAT_ARE_NOT_PATHS =
      Map.ofEntries(
          Map.entry(RefParser.class.getName(), "the one parser of ORG/PROJECT[/REPO]"),
          Map.entry(
              "io.adoconnect.auth.entra.LoopbackRedirect",
              "the query string Entra's redirect brings (name=value&…), not a path"),
          Map.entry(
              "io.adoconnect.server.access.AccessGuard",
              "a Content-Type header's media type before its ';' parameters"),
          Map.entry(
              "io.adoconnect.connect.PatTarget",
              "the path of a pasted Server URL, to find its collection; not a ref"),
          Map.entry(
              "io.adoconnect.http.Names",
              "counts a typed value's parts to decide whether an error may repeat it"),
          Map.entry("io.adoconnect.http.network.NoProxy", "NO_PROXY's comma-separated hosts"),
          Map.entry(
              "io.adoconnect.store.DatabaseUrl",
              "ADO_CONNECT_DATABASE_URL's query parameters (name=value&…), not a path"),
          Map.entry(
              "io.adoconnect.net.AllowedTargets",
              "ADO_CONNECT_ALLOWED_TARGETS' comma-separated hosts"),
          Map.entry(
              "io.adoconnect.workitems.FieldValue", "a comma-separated list of work item fields"),
          Map.entry(
              "io.adoconnect.mcp.UntrustedText",
              "a JSON pointer into the MCP tool's own answer, not a ref"),
          Map.entry(
              "io.adoconnect.server.team.TeamMode",
              "ADO_CONNECT_WEBHOOK_BACKOFF's comma-separated durations"),
          Map.entry(
              "io.adoconnect.auth.entra.DeploymentScopes",
              "ADO_CONNECT_ENTRA_SCOPES' space- or comma-separated scope names"),
          Map.entry(
              "io.adoconnect.http.GrantedScopes",
              "a token's space-separated scp claim, not a ref"));

  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.adoconnect");
  }

  @Test
  void frontEndsNeverConstructAnAreaClient() {
    Map<String, Set<String>> found =
        constructions(FrontEndLayoutTest::isFrontEnd, FrontEndLayoutTest::isAreaClient);

    assertOnlyPending(found, PENDING_CLIENTS, "constructs an area client (use a handle instead)");
  }

  @Test
  void frontEndsNeverConstructAScopedApiOrScopeThemselves() {
    Map<String, Set<String>> found =
        constructions(FrontEndLayoutTest::isFrontEnd, FrontEndLayoutTest::isScopedApi);

    assertOnlyPending(
        found, Set.of(), "constructs a scoped API (take it from ado.project/repository(ref))");
  }

  @Test
  void onlyRefParserSplitsAPathString() {
    Map<String, Set<String>> found = new TreeMap<>();
    for (JavaClass javaClass : classes) {
      if (javaClass.getPackageName().startsWith("io.adoconnect.simulator")) {
        continue;
      }
      for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
        if ((access instanceof JavaMethodCall || access instanceof JavaMethodReference)
            && isSplit(access.getTarget())) {
          found
              .computeIfAbsent(topLevel(javaClass), k -> new TreeSet<>())
              .add(access.getSourceCodeLocation().toString());
        }
      }
    }

    assertOnlyPending(
        found, SPLITS_THAT_ARE_NOT_PATHS.keySet(), "splits a string (a path goes to RefParser)");
  }

  @Test
  void theRulesSeeTheFrontEndsAndCore() {
    // An import that silently found nothing would make every rule above pass.
    assertThat(classes.contain("io.adoconnect.cli.Main")).isTrue();
    assertThat(classes.contain("io.adoconnect.server.ServerApp")).isTrue();
    assertThat(classes.contain("io.adoconnect.git.GitClient")).isTrue();
    assertThat(isScopedApi(classes.get("io.adoconnect.git.RepositoryGit"))).isTrue();
    assertThat(isAreaClient(classes.get("io.adoconnect.git.GitClient"))).isTrue();
  }

  private static Map<String, Set<String>> constructions(
      Predicate<JavaClass> from, Predicate<JavaClass> target) {
    Map<String, Set<String>> found = new TreeMap<>();
    for (JavaClass javaClass : classes) {
      if (!from.test(javaClass)) {
        continue;
      }
      for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
        if ((access instanceof JavaConstructorCall || access instanceof JavaConstructorReference)
            && target.test(access.getTargetOwner())) {
          found
              .computeIfAbsent(topLevel(javaClass), k -> new TreeSet<>())
              .add(
                  access.getTargetOwner().getSimpleName()
                      + " at "
                      + access.getSourceCodeLocation());
        }
      }
    }
    return found;
  }

  private static void assertOnlyPending(
      Map<String, Set<String>> found, Set<String> pending, String what) {
    List<String> breaking =
        found.entrySet().stream()
            .filter(e -> !pending.contains(e.getKey()))
            .map(e -> e.getKey() + " " + what + ": " + String.join(", ", e.getValue()))
            .toList();
    assertThat(breaking).as("%s", String.join("\n", breaking)).isEmpty();
    assertThat(new TreeSet<>(pending))
        .as("listed classes that no longer break the rule: remove them from the list")
        .isEqualTo(new TreeSet<>(found.keySet()));
  }

  private static boolean isFrontEnd(JavaClass javaClass) {
    for (String frontEnd : FRONT_ENDS) {
      if (javaClass.getPackageName().equals(frontEnd)
          || javaClass.getPackageName().startsWith(frontEnd + ".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAreaClient(JavaClass javaClass) {
    return AREAS.contains(javaClass.getPackageName())
        && javaClass.getSimpleName().endsWith("Client");
  }

  /**
   * An area's API for one resolved project or repository ({@code RepositoryGit}, {@code
   * ProjectBuilds} …): constructed from a scope, which only core's connect package makes — and the
   * scopes themselves.
   */
  private static boolean isScopedApi(JavaClass javaClass) {
    if (javaClass.isEquivalentTo(ProjectScope.class)
        || javaClass.isEquivalentTo(RepositoryScope.class)) {
      return true;
    }
    return AREAS.contains(javaClass.getPackageName())
        && javaClass.getConstructors().stream()
            .anyMatch(
                c ->
                    c.getRawParameterTypes().stream()
                        .anyMatch(
                            t ->
                                t.isEquivalentTo(ProjectScope.class)
                                    || t.isEquivalentTo(RepositoryScope.class)));
  }

  private static final Pattern SPLITTING = Pattern.compile("split|splitAsStream");

  private static boolean isSplit(AccessTarget target) {
    String owner = target.getOwner().getName();
    return (owner.equals(String.class.getName())
            || owner.equals(java.util.regex.Pattern.class.getName()))
        && SPLITTING.matcher(target.getName()).matches();
  }

  private static String topLevel(JavaClass javaClass) {
    String name = javaClass.getName();
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }
}
