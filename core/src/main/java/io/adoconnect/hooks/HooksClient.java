package io.adoconnect.hooks;

import io.adoconnect.NotFoundException;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Urls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Azure DevOps Service Hooks REST area: webHooks subscriptions of an organization or collection
 * (created at that level; the project is a publisher input).
 *
 * <pre>{@code
 * HooksClient hooks = new HooksClient(target.http());
 * HookSubscription s = hooks.create(target.org(), new SubscriptionInput("git.push", projectId,
 *     repositoryId, URI.create("https://connector.example.com/api/hooks/k3x9"), "ado-connect", password));
 * }</pre>
 */
public final class HooksClient {
  private final AzureDevOpsHttp http;

  public HooksClient(AzureDevOpsHttp http) {
    this.http = http;
  }

  private static Urls subscriptions(Organization org) {
    return Urls.at(org.baseUrl()).path("_apis/hooks/subscriptions");
  }

  /**
   * Creates a webHooks/httpRequest subscription; the answer masks the password.
   *
   * <p>Azure DevOps: POST {org}/_apis/hooks/subscriptions
   */
  public HookSubscription create(Organization org, SubscriptionInput input) {
    Map<String, String> publisherInputs = new LinkedHashMap<>();
    publisherInputs.put("projectId", input.projectId());
    if (input.repositoryId() != null && HookEventTypes.filtersOnRepository(input.eventType())) {
      publisherInputs.put("repository", input.repositoryId());
    }
    Map<String, String> consumerInputs = new LinkedHashMap<>();
    consumerInputs.put("url", input.receiverUrl().toString());
    consumerInputs.put("basicAuthUsername", input.username());
    // The one place the password leaves ado-connect: the request body to Azure DevOps.
    consumerInputs.put("basicAuthPassword", input.password().reveal());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("publisherId", "tfs");
    body.put("eventType", input.eventType());
    // Pinned: unset means "latest released", whose payload shape may drift (create-subscription
    // doc).
    body.put("resourceVersion", "1.0");
    body.put("consumerId", "webHooks");
    body.put("consumerActionId", "httpRequest");
    body.put("publisherInputs", publisherInputs);
    body.put("consumerInputs", consumerInputs);
    return http.sendJson(
        "POST",
        subscriptions(org).query("api-version", org.apiVersion()).build(),
        body,
        "application/json",
        HookEventTypes.scope(input.eventType()),
        HookSubscription.class);
  }

  /**
   * The organization's subscriptions (all publishers and consumers; no paging).
   *
   * <p>Azure DevOps: GET {org}/_apis/hooks/subscriptions
   */
  public List<HookSubscription> list(Organization org) {
    return http.getList(
        subscriptions(org).query("api-version", org.apiVersion()).build(),
        HookSubscription.class,
        AccessScope.CODE_READ);
  }

  /** Azure DevOps: GET {org}/_apis/hooks/subscriptions/{id} */
  public HookSubscription get(Organization org, String id) {
    try {
      return http.get(
          subscriptions(org).segment(id).query("api-version", org.apiVersion()).build(),
          HookSubscription.class,
          AccessScope.CODE_READ);
    } catch (NotFoundException e) {
      throw notFound(org, id, e);
    }
  }

  /** Azure DevOps: DELETE {org}/_apis/hooks/subscriptions/{id} (204) */
  public void delete(Organization org, String id) {
    try {
      http.send(
          new ApiRequest(
                  "DELETE",
                  subscriptions(org).segment(id).query("api-version", org.apiVersion()).build(),
                  Map.of(),
                  null)
              .withScope(AccessScope.CODE_READ));
    } catch (NotFoundException e) {
      throw notFound(org, id, e);
    }
  }

  private static NotFoundException notFound(Organization org, String id, NotFoundException e) {
    return new NotFoundException(
        e.typeKey(),
        "Service hook subscription " + id + " was not found in " + org.name() + ".",
        "It may have been deleted in Azure DevOps (Project settings → Service hooks).");
  }
}
