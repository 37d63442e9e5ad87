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
          // Release Management (the vsrm host on Services); resource versions as the Node client
          // asks (definitions 7.2-preview.4, releases 7.2-preview.9).
          new ApiLocation(
              "d8f96f24-8ea7-4cb6-baab-2df8fc515665",
              "Release",
              "definitions",
              "{project}/_apis/{area}/{resource}/{definitionId}",
              4,
              "2.0",
              COLLECTIONS),
          new ApiLocation(
              "a166fde7-27ad-408e-ba75-703c2cc9d500",
              "Release",
              "releases",
              "{project}/_apis/{area}/{resource}/{releaseId}",
              9,
              "2.0",
              COLLECTIONS),
          new ApiLocation(
              "1a9c53f7-f243-4447-b110-35ef023636e4",
              "wit",
              "wiql",
              "{project}/{team}/_apis/{area}/{resource}/{id}",
              2,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "72c7ddf8-2cdc-4f60-90cd-ab71c14a399b",
              "wit",
              "workItems",
              "{project}/_apis/{area}/{resource}/{id}",
              3,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "62d3d110-0047-428c-ad3c-4fe872c91c74",
              "wit",
              "workItems",
              "{project}/_apis/{area}/{resource}/${type}",
              3,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "908509b6-4248-4475-a1cd-829139ba419f",
              "wit",
              "workItemsBatch",
              "{project}/_apis/{area}/{resource}",
              1,
              "5.0",
              COLLECTIONS),
          new ApiLocation(
              "608aac0a-32e1-4493-a863-b9cf4566d257",
              "wit",
              "comments",
              "{project}/_apis/{area}/workItems/{workItemId}/{resource}/{commentId}",
              4,
              "5.0",
              COLLECTIONS),
          new ApiLocation(
              "9946fd70-0d40-406e-b686-b4744cbbcc37",
              "git",
              "pullRequests",
              "{project}/_apis/{area}/repositories/{repositoryId}/pullRequests/{pullRequestId}",
              2,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "a5d28130-9cd2-40fa-9f08-902e7daa9efb",
              "git",
              "pullRequestsByProject",
              "{project}/_apis/{area}/pullRequests",
              2,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "01a46dea-7d46-4d40-bc84-319e7c260d99",
              "git",
              "pullRequestsByProject",
              "{project}/_apis/{area}/pullRequests/{pullRequestId}",
              2,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "4b6702c7-aa35-4b89-9c96-b9abf6d3e540",
              "git",
              "pullRequestReviewers",
              "{project}/_apis/{area}/repositories/{repositoryId}/pullRequests/{pullRequestId}/reviewers/{reviewerId}",
              1,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "ab6e2e5d-a0b7-4153-b64a-a4efe0d49449",
              "git",
              "pullRequestThreads",
              "{project}/_apis/{area}/repositories/{repositoryId}/pullRequests/{pullRequestId}/threads/{threadId}",
              1,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "965a3ec7-5ed8-455a-bdcb-835a5ea7fe7b",
              "git",
              "pullRequestThreadComments",
              "{project}/_apis/{area}/repositories/{repositoryId}/pullRequests/{pullRequestId}/threads/{threadId}/comments/{commentId}",
              1,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "b5f6bb4f-8d1e-4d79-8d11-4c9172c99c35",
              "git",
              "pullRequestStatuses",
              "{project}/_apis/{area}/repositories/{repositoryId}/pullRequests/{pullRequestId}/statuses/{statusId}",
              2,
              "1.0",
              COLLECTIONS,
              true),
          new ApiLocation(
              "0cd358e1-9217-4d94-8269-1c1ee6f93dcf",
              "build",
              "builds",
              "{project}/_apis/build/builds/{buildId}",
              7,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "dbeaf647-6167-421a-bda9-c9327b25e2e6",
              "build",
              "definitions",
              "{project}/_apis/build/definitions/{definitionId}",
              7,
              "1.0",
              COLLECTIONS),
          new ApiLocation(
              "28e1305e-2afe-47bf-abaf-cbb0e6a91988",
              "pipelines",
              "pipelines",
              "{project}/_apis/pipelines/{pipelineId}",
              1,
              "5.1",
              COLLECTIONS,
              true),
          new ApiLocation(
              "7859261e-d2e9-4a68-b820-a5d84cc5bb3d",
              "pipelines",
              "runs",
              "{project}/_apis/pipelines/{pipelineId}/runs/{runId}",
              1,
              "5.1",
              COLLECTIONS,
              true),
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
