package io.adoconnect.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.connect.OrganizationHandle;
import io.adoconnect.connect.OrganizationRef;
import io.adoconnect.connect.RepositoryListing;
import io.adoconnect.connect.SourceView;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.discovery.DiscoveryResult;
import io.adoconnect.http.Json;
import io.adoconnect.store.Account;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the agent can go: the connected organizations (and Server collections), their projects,
 * repositories (searchable) and the sources. The same core calls as the CLI's {@code accounts},
 * {@code repos} and {@code sources}.
 */
final class RepositoryTools {
  private RepositoryTools() {}

  static List<McpTool> all() {
    return List.of(
        new McpTool(
            "list_organizations",
            "List organizations",
            ToolSet.REPOSITORIES,
            Effect.READ,
            "Every Azure DevOps organization and Azure DevOps Server collection reached by a connected account, with the account id, host and organization URL.",
            Schema.object(),
            RepositoryTools::organizations),
        new McpTool(
            "list_projects",
            "List projects",
            ToolSet.REPOSITORIES,
            Effect.READ,
            "Projects holding Git repositories, across every connected organization and collection (or one organization).",
            Schema.object()
                .string("organization", "Only this organization or collection.", false)
                .string("account", "Only this connected account id.", false)
                .paged(),
            RepositoryTools::projects),
        new McpTool(
            "list_repositories",
            "Search repositories",
            ToolSet.REPOSITORIES,
            Effect.READ,
            "Git repositories across every connected organization and collection, sorted; query filters by a case-insensitive substring of organization/project/repository.",
            Schema.object()
                .string("query", "Substring to search in organization/project/repository.", false)
                .string("organization", "Only this organization or collection.", false)
                .string("account", "Only this connected account id.", false)
                .paged(),
            RepositoryTools::repositories),
        new McpTool(
            "list_sources",
            "List sources",
            ToolSet.REPOSITORIES,
            Effect.READ,
            "The repositories added as sources for agents, with their clone URLs and when they last changed.",
            Schema.object().paged(),
            RepositoryTools::sources));
  }

  private static Answer organizations(ToolCall call) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode list = body.putArray("organizations");
    Answer answer = Answer.of(body);
    for (Account account : call.ado().accounts()) {
      for (String name : account.organizations()) {
        ObjectNode item = list.addObject();
        item.put("organization", name);
        item.put("account", account.id());
        item.put("host", account.host());
        item.put("connection", account.method().wireName());
        item.put("status", account.status().wireName());
        if (account.tenantId() != null) {
          item.put("tenantId", account.tenantId());
        }
        try {
          OrganizationHandle org = call.ado().organization(new OrganizationRef(name, account.id()));
          item.put("organizationUrl", org.organization().baseUrl().toString());
          item.put("deployment", org.organization().deployment().name().toLowerCase(Locale.ROOT));
          item.put("inSources", call.reach().allowsProject(account.host(), name, null));
        } catch (RuntimeException e) {
          item.put("error", e.getMessage());
        }
      }
    }
    if (call.reach().confined()) {
      answer.note(
          "Sources-only mode: only organizations with inSources true can be used; the others are listed so you know they exist.");
    }
    return answer;
  }

  private static Answer projects(ToolCall call) {
    RepositoryListing listing = listing(call);
    Map<String, ObjectNode> projects = new LinkedHashMap<>();
    for (DiscoveredRepository r : listing.repositories()) {
      if (!call.reach().allowsProjectOf(r.account(), r.organization(), r.project())) {
        continue;
      }
      String key = (r.organizationUrl() + "/" + r.project()).toLowerCase(Locale.ROOT);
      projects.computeIfAbsent(
          key,
          k -> {
            ObjectNode p = Json.MAPPER.createObjectNode();
            p.put("organization", r.organization());
            p.put("organizationUrl", r.organizationUrl());
            p.put("account", r.account());
            p.put("project", r.project());
            return p;
          });
    }
    ToolCall.Page<ObjectNode> page = call.page(List.copyOf(projects.values()));
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.putArray("projects").addAll(page.items());
    return paged(body, page, listing.failures());
  }

  private static Answer repositories(ToolCall call) {
    RepositoryListing listing = listing(call);
    String query =
        call.args().optionalString("query").map(q -> q.toLowerCase(Locale.ROOT)).orElse(null);
    List<DiscoveredRepository> found =
        listing.repositories().stream()
            .filter(r -> query == null || r.path().toLowerCase(Locale.ROOT).contains(query))
            .filter(
                r ->
                    call.reach()
                        .allowsRepository(r.account(), r.organization(), r.project(), r.name()))
            .toList();
    ToolCall.Page<DiscoveredRepository> page = call.page(found);
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode items = body.putArray("repositories");
    for (DiscoveredRepository r : page.items()) {
      ObjectNode item = items.addObject();
      item.put("account", r.account());
      item.put("organization", r.organization());
      item.put("organizationUrl", r.organizationUrl());
      item.put("project", r.project());
      item.put("repository", r.name());
      item.put("id", r.id());
      item.put("defaultBranch", r.defaultBranch());
      item.put("cloneUrl", r.cloneUrl());
      item.put("webUrl", r.webUrl());
      item.put("size", r.size());
    }
    return paged(body, page, listing.failures());
  }

  private static Answer sources(ToolCall call) {
    ToolCall.Page<SourceView> page = call.page(call.ado().sources());
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode items = body.putArray("sources");
    for (SourceView s : page.items()) {
      ObjectNode item = items.addObject();
      item.put("id", s.id());
      item.put("account", s.accountId());
      item.put("organization", s.organization());
      item.put("project", s.project());
      item.put("repository", s.repository());
      item.put("repositoryId", s.repositoryId());
      item.put("cloneUrl", s.cloneUrl());
      item.put("webUrl", s.webUrl());
      item.put("status", s.status());
      item.put("lastChanged", s.lastChanged() == null ? null : s.lastChanged().toString());
    }
    return paged(body, page, List.of());
  }

  private static RepositoryListing listing(ToolCall call) {
    return call.ado()
        .repositories(
            call.args().optionalString("account"),
            call.args().optionalString("organization"),
            DiscoveryListener.NONE);
  }

  static <T> Answer paged(
      ObjectNode body, ToolCall.Page<T> page, List<DiscoveryResult.Failure> failures) {
    body.put("total", page.total());
    body.put("nextCursor", page.nextCursor());
    Answer answer = Answer.of(body);
    if (page.nextCursor() != null) {
      answer.note(
          "Showing "
              + page.items().size()
              + " of "
              + page.total()
              + "; call again with cursor = nextCursor for more.");
    }
    if (!failures.isEmpty()) {
      ArrayNode failed = body.putArray("unreachable");
      for (DiscoveryResult.Failure f : failures) {
        failed
            .addObject()
            .put("organization", f.organization())
            .put("error", f.error().getMessage());
      }
      answer.note(failures.size() + " organization(s) could not be read; see unreachable.");
    }
    return answer;
  }
}
