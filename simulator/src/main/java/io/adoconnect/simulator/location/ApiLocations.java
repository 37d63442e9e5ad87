package io.adoconnect.simulator.location;

import static io.adoconnect.simulator.http.Scope.Kind.ORGANIZATION;
import static io.adoconnect.simulator.http.Scope.Kind.SERVER_COLLECTION;
import static io.adoconnect.simulator.http.Scope.Kind.SERVER_DEPLOYMENT;
import static io.adoconnect.simulator.http.Scope.Kind.VSSPS;

import io.adoconnect.simulator.http.Scope;
import java.util.List;
import java.util.Set;

/**
 * The location table. Ids and requested versions come from azure-devops-node-api 17.0.1; route
 * templates are derived from the documented REST URLs. {@code resourceVersion} is at least what the
 * Node client asks for, so Services requests arrive with the client's {@code 7.2-preview.N}
 * unchanged.
 */
public final class ApiLocations {

  private static final Set<Scope.Kind> EVERYWHERE =
      Set.of(VSSPS, ORGANIZATION, SERVER_COLLECTION, SERVER_DEPLOYMENT);
  private static final Set<Scope.Kind> COLLECTIONS = Set.of(ORGANIZATION, SERVER_COLLECTION);

  /** Every location the simulator serves. */
  public static final List<ApiLocation> ALL =
      List.of(
          new ApiLocation(
              "e81700f7-3be2-46de-8624-2eb35882fcaa",
              "Location",
              "resourceAreas",
              "_apis/{resource}/{areaId}",
              1,
              "3.2",
              EVERYWHERE),
          new ApiLocation(
              "00d9565f-ed9c-4a06-9a50-00e7896ccab4",
              "Location",
              "connectionData",
              "_apis/{resource}",
              1,
              "1.0",
              EVERYWHERE),
          new ApiLocation(
              "603fe2ac-9723-48b9-88ad-09305aa6c6e1",
              "core",
              "projects",
              "_apis/{resource}/{*projectId}",
              4,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "225f7195-f9c7-4d14-ab28-a83f7ff77e1f",
              "git",
              "repositories",
              "{project}/_apis/{area}/{resource}/{repositoryId}",
              2,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "2d874a60-a811-4f62-9c9f-963a6ea0a55b",
              "git",
              "refs",
              "{project}/_apis/{area}/repositories/{repositoryId}/{resource}/{*filter}",
              2,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "fb93c0db-47ed-4a31-8c20-47552878fb44",
              "git",
              "items",
              "{project}/_apis/{area}/repositories/{repositoryId}/{resource}",
              1,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "428dd4fb-fda5-4722-af02-9313b80305da",
              "git",
              "statuses",
              "{project}/_apis/{area}/repositories/{repositoryId}/commits/{commitId}/{resource}",
              2,
              "1.0",
              COLLECTIONS),
          // Not in azure-devops-node-api 17.0.1 (it has no service hooks client); id, template and
          // resource version from Microsoft's Go, Python and .NET clients.
          new ApiLocation(
              "fc50d02a-849f-41fb-8af1-0a5216103269",
              "hooks",
              "subscriptions",
              "_apis/{area}/{resource}/{subscriptionId}",
              1,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "f83735dc-483f-4238-a291-d45f6080a9af",
              "Profile",
              "profiles",
              "_apis/{area}/{resource}/{id}",
              3,
              "1.0",
              Set.of(VSSPS)));

  private ApiLocations() {}

  /**
   * Locations listed by {@code OPTIONS {base}/_apis[/{area}]} at {@code kind}; {@code area} null
   * means all.
   */
  public static List<ApiLocation> servedAt(Scope.Kind kind, String area) {
    return ALL.stream()
        .filter(l -> l.servedAt().contains(kind))
        .filter(l -> area == null || l.area().equalsIgnoreCase(area))
        .toList();
  }
}
