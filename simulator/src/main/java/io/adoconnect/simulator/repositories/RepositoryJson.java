package io.adoconnect.simulator.repositories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Scope;
import io.adoconnect.simulator.projects.ProjectJson;

/** {@code GitRepository} JSON with the fields of {@code repository-full.constructed.json}. */
final class RepositoryJson {

  private RepositoryJson() {}

  static ObjectNode of(Repository repository, Scope scope) {
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
    return node;
  }
}
