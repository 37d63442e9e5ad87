package io.adoconnect.simulator.repositories;

import static io.adoconnect.simulator.http.PathCodec.encodeSegment;

import io.adoconnect.simulator.data.Deployment;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.http.Scope;

/**
 * {@code remoteUrl}, {@code sshUrl} and {@code webUrl} built the way the real service builds them,
 * pointed at the simulator. Services: {@code http://{org}@host/{org}/{project}/_git/{repo}}, {@code
 * git@ssh.host:v3/{org}/{project}/{repo}}. Server: {@code {collectionUrl}/{project}/_git/{repo}},
 * {@code ssh://host:22{collectionPath}/{project}/_git/{repo}}. When a repository is named like its
 * project the HTTPS URLs omit the project segment, as the service does.
 */
public final class CloneUrls {

  private CloneUrls() {}

  public static String remoteUrl(Repository repository, Scope scope) {
    if (scope.deployment() == Deployment.SERVER) {
      return webUrl(repository, scope);
    }
    String org = scope.collection().name();
    return "http://"
        + encodeSegment(org)
        + "@"
        + scope.authority()
        + scope.basePath()
        + gitPath(repository);
  }

  public static String webUrl(Repository repository, Scope scope) {
    return scope.baseUrl() + gitPath(repository);
  }

  public static String sshUrl(Repository repository, Scope scope) {
    String project = encodeSegment(repository.project().name());
    String repo = encodeSegment(repository.name());
    String host = scope.root().getHost();
    if (scope.deployment() == Deployment.SERVER) {
      return "ssh://" + host + ":22" + scope.basePath() + "/" + project + "/_git/" + repo;
    }
    return "git@ssh."
        + host
        + ":v3/"
        + encodeSegment(scope.collection().name())
        + "/"
        + project
        + "/"
        + repo;
  }

  private static String gitPath(Repository repository) {
    String repo = encodeSegment(repository.name());
    boolean namedLikeProject = repository.name().equals(repository.project().name());
    return namedLikeProject
        ? "/_git/" + repo
        : "/" + encodeSegment(repository.project().name()) + "/_git/" + repo;
  }
}
