package io.adoconnect.releases;

import io.adoconnect.AdoConnectException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NotFoundException;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Paged;
import io.adoconnect.http.Sleeper;
import io.adoconnect.http.Urls;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Azure DevOps classic Release Management REST area, in one project. Calls go to the release host
 * ({@link Organization#releaseBaseUrl}: {@code https://vsrm.dev.azure.com/{org}} on Services, the
 * collection on Server).
 */
public final class ReleasesClient {
  private final AzureDevOpsHttp http;
  private final AzureDevOpsEndpoints endpoints;

  public ReleasesClient(AzureDevOpsHttp http, AzureDevOpsEndpoints endpoints) {
    this.http = http;
    this.endpoints = endpoints;
  }

  private Urls release(Organization org, String project) {
    return Urls.at(org.releaseBaseUrl(endpoints)).segment(project).path("_apis/release");
  }

  /**
   * The project's release definitions with their stages, ids ascending, every page.
   *
   * <p>Azure DevOps: GET {vsrm}/{project}/_apis/release/definitions?$expand=environments
   */
  public Paged<ReleaseDefinition> definitions(Organization org, String project) {
    return http.getPaged(
        release(org, project)
            .path("definitions")
            .query("$expand", "environments")
            .query("api-version", org.apiVersion()),
        ReleaseDefinition.class,
        AccessScope.RELEASE_READ);
  }

  /**
   * The definition with this id, or this exact name (case-insensitive).
   *
   * <p>Azure DevOps: GET {vsrm}/{project}/_apis/release/definitions?searchText=…
   * &isExactNameMatch=true (by name) or the whole list (by id)
   */
  public ReleaseDefinition definition(Organization org, String project, String idOrName) {
    if (idOrName == null || idOrName.isBlank()) {
      throw new InvalidInputException(
          "No release definition given.", "Name it by id or name: --definition 3.");
    }
    Optional<Integer> id = number(idOrName);
    Paged<ReleaseDefinition> candidates =
        id.isPresent()
            ? definitions(org, project)
            : http.getPaged(
                release(org, project)
                    .path("definitions")
                    .query("searchText", idOrName.strip())
                    .query("isExactNameMatch", "true")
                    .query("$expand", "environments")
                    .query("api-version", org.apiVersion()),
                ReleaseDefinition.class,
                AccessScope.RELEASE_READ);
    return candidates.stream()
        .filter(
            d ->
                id.map(n -> d.id() == n)
                    .orElse(d.name().toLowerCase(Locale.ROOT).equals(lower(idOrName.strip()))))
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    null,
                    "No release definition '"
                        + idOrName.strip()
                        + "' in "
                        + org.name()
                        + "/"
                        + project
                        + ".",
                    "ado-connect releases definitions "
                        + org.name()
                        + "/"
                        + project
                        + " lists them."));
  }

  /**
   * Creates a release; its first stage starts as the definition's triggers say.
   *
   * <p>Azure DevOps: POST {vsrm}/{project}/_apis/release/releases
   */
  public Release create(Organization org, String project, NewRelease release) {
    try {
      return http.sendJson(
          "POST",
          release(org, project).path("releases").query("api-version", org.apiVersion()).build(),
          release,
          "application/json",
          AccessScope.RELEASE_EXECUTE,
          Release.class);
    } catch (NotFoundException e) {
      throw new NotFoundException(
          e.typeKey(),
          "Release definition "
              + release.definitionId()
              + " was not found in "
              + org.name()
              + "/"
              + project
              + ".",
          "ado-connect releases definitions " + org.name() + "/" + project + " lists them.");
    }
  }

  /**
   * One release with its stages.
   *
   * <p>Azure DevOps: GET {vsrm}/{project}/_apis/release/releases/{releaseId}
   */
  public Release get(Organization org, String project, int id) {
    try {
      return http.get(
          release(org, project)
              .path("releases")
              .segment(Integer.toString(id))
              .query("api-version", org.apiVersion())
              .build(),
          Release.class,
          AccessScope.RELEASE_READ);
    } catch (NotFoundException e) {
      throw new NotFoundException(
          e.typeKey(),
          "Release " + id + " was not found in " + org.name() + "/" + project + ".",
          "ado-connect releases list " + org.name() + "/" + project + " lists the releases.");
    }
  }

  /**
   * The project's releases, newest first, with their stages; every page ({@code pageSize} a page).
   *
   * <p>Azure DevOps: GET {vsrm}/{project}/_apis/release/releases?definitionId=…&$top=…
   * &$expand=environments
   */
  public Paged<Release> list(
      Organization org, String project, Optional<Integer> definitionId, int pageSize) {
    return http.getPaged(
        release(org, project)
            .path("releases")
            .query("definitionId", definitionId.orElse(null))
            .query("$top", pageSize)
            .query("$expand", "environments")
            .query("api-version", org.apiVersion()),
        Release.class,
        AccessScope.RELEASE_READ);
  }

  /**
   * Polls a release every {@code interval} until all its stages finished, telling {@code onChange}
   * each time a stage's status changes; returns the finished release.
   *
   * @throws AdoConnectException when {@code timeout} passes first
   */
  public Release awaitFinished(
      Organization org,
      String project,
      int id,
      Duration interval,
      Duration timeout,
      Sleeper sleeper,
      Consumer<Release> onChange) {
    Instant deadline = Instant.now().plus(timeout);
    Release previous = null;
    while (true) {
      Release current = get(org, project, id);
      if (previous == null || !statuses(previous).equals(statuses(current))) {
        onChange.accept(current);
      }
      if (current.finished()) {
        return current;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AdoConnectException(
            "Release " + current.name() + " had not finished after " + timeout.toSeconds() + " s.",
            "It goes on in Azure DevOps: ado-connect releases get "
                + org.name()
                + "/"
                + project
                + " "
                + id
                + " shows where it is.");
      }
      previous = current;
      sleeper.sleep(interval);
    }
  }

  private static String statuses(Release release) {
    StringBuilder text = new StringBuilder();
    release
        .environments()
        .forEach(e -> text.append(e.name()).append('=').append(e.status()).append(';'));
    return text.toString();
  }

  private static Optional<Integer> number(String text) {
    try {
      return Optional.of(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
