package io.adoconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.adoconnect.builds.ProjectBuilds;
import io.adoconnect.git.RepositoryGit;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.pipelines.ProjectPipelines;
import io.adoconnect.pullrequests.RepositoryPullRequests;
import io.adoconnect.releases.ProjectReleases;
import io.adoconnect.workitems.OrganizationWorkItems;
import io.adoconnect.workitems.ProjectWorkItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the area sub-APIs declares the scope it needs before its first call ({@link
 * AzureDevOpsHttp#require}), so a Microsoft sign-in without that scope is refused before anything
 * is sent. A new operation without one fails here.
 */
class OperationsDeclareTheirScopeTest {
  private static final List<Class<?>> SUB_APIS =
      List.of(
          RepositoryGit.class,
          RepositoryPullRequests.class,
          ProjectBuilds.class,
          ProjectPipelines.class,
          ProjectReleases.class,
          ProjectWorkItems.class,
          OrganizationWorkItems.class);

  @Test
  void everyPublicOperationRequiresItsScope() {
    JavaClasses core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.adoconnect");
    List<String> undeclared = new ArrayList<>();
    int operations = 0;
    for (Class<?> subApi : SUB_APIS) {
      JavaClass type = core.get(subApi);
      for (JavaMethod method : type.getMethods()) {
        if (!method.getModifiers().contains(JavaModifier.PUBLIC)
            || method.getModifiers().contains(JavaModifier.STATIC)) {
          continue;
        }
        operations++;
        if (!requires(method, Set.of())) {
          undeclared.add(subApi.getSimpleName() + "." + method.getName());
        }
      }
    }
    assertThat(operations).isGreaterThan(40);
    assertThat(undeclared).as("operations that declare no scope").isEmpty();
  }

  /** Calls require itself, or through a method of its own class that does (an overload). */
  private static boolean requires(JavaMethod method, Set<JavaMethod> seen) {
    for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
      if (call.getTargetOwner().isEquivalentTo(AzureDevOpsHttp.class)
          && call.getName().equals("require")) {
        return true;
      }
    }
    for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
      if (call.getTargetOwner().equals(method.getOwner())) {
        for (JavaMethod target : call.getTarget().resolveMember().stream().toList()) {
          if (!seen.contains(target)) {
            java.util.Set<JavaMethod> next = new java.util.HashSet<>(seen);
            next.add(method);
            if (requires(target, next)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
