package io.adoconnect.simulator.repositories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Scope;
import io.adoconnect.simulator.projects.ProjectJson;

/** {@code GitRepository} JSON with the fields of {@code repository-full.constructed.json}. */
final class RepositoryJson {

  private RepositoryJson() {}

  /** As a list shows it. */
  static ObjectNode of(Repository repository, Scope scope) {
    return of(repository, scope, false);
  }

  /** With {@code links}, as {@code GET repositories/{id}} shows it: with its {@code _links}. */
  static ObjectNode of(Repository repository, Scope scope, boolean links) {
    ObjectNode node = Json.object();
    node.put("id", repository.id().toString());
    node.put("name", repository.name());
    node.put(
        "url",
        scope.baseUrl()
            + "/"
            + repository.project().id()
            + "/_apis/git/repositories/"
            + repository.id());
    node.set("project", ProjectJson.reference(repository.project(), scope, false));
    if (repository.defaultBranch() != null) {
      node.put("defaultBranch", repository.defaultBranch());
    }
    node.put("size", repository.size());
    if (repository.hasRemoteUrl()) {
      node.put("remoteUrl", CloneUrls.remoteUrl(repository, scope));
      node.put("sshUrl", CloneUrls.sshUrl(repository, scope));
      node.put("webUrl", CloneUrls.webUrl(repository, scope));
    }
    node.put("isDisabled", repository.disabled());
    node.put("isInMaintenance", repository.inMaintenance());
    if (links) {
      String self = node.path("url").asText();
      ObjectNode all = node.putObject("_links");
      all.putObject("self").put("href", self);
      all.putObject("project")
          .put("href", "vstfs:///Classification/TeamProject/" + repository.project().id());
      if (repository.hasRemoteUrl()) {
        all.putObject("web").put("href", CloneUrls.webUrl(repository, scope));
      }
      for (String part : new String[] {"commits", "refs", "pullRequests", "items", "pushes"}) {
        all.putObject(part).put("href", self + "/" + part);
      }
    }
    return node;
  }
}
