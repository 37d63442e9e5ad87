package io.adoconnect.simulator.git;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.events.ServiceEvents;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.PathCodec;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pushes as Azure DevOps records them: the ref moves (or goes) in {@link GitContent}, and a {@code
 * git.push} event with the push's resource ({@code commits}, {@code refUpdates}, {@code
 * repository}, {@code pushedBy}, {@code pushId}, {@code date}, {@code url}) is published. One
 * instance per simulator, so push ids count up across everything that pushes.
 */
public final class Pushes {
  private final ServiceEvents events;
  private final Clock clock;
  private final AtomicInteger nextPushId = new AtomicInteger(1);

  public Pushes(ServiceEvents events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /**
   * Pushes one commit onto {@code branch} (created if missing) and publishes {@code git.push}.
   *
   * @param baseUrl the collection's URL ({@code http://host/org} or {@code
   *     http://host/tfs/Collection})
   * @param comment the commit message; null for {@code Simulated push N}
   * @return the event's {@code resource}
   */
  public ObjectNode push(
      Collection collection,
      String baseUrl,
      Repository repository,
      String branch,
      SimulatedUser pusher,
      String comment) {
    GitContent.RefUpdate update = GitContent.push(repository, branch);
    int pushId = nextPushId.getAndIncrement();
    ObjectNode resource = resource(baseUrl, repository, update, pusher, pushId);
    ObjectNode commit = resource.withArray("commits").addObject();
    commit.put("commitId", update.newObjectId());
    ObjectNode author = commit.putObject("author");
    author.put("name", pusher.displayName());
    author.put("email", pusher.emailAddress());
    author.put("date", resource.path("date").asText());
    commit.set("committer", author.deepCopy());
    commit.put("comment", comment != null ? comment : "Simulated push " + pushId);
    commit.put("url", repositoryUrl(baseUrl, repository) + "/commits/" + update.newObjectId());
    events.publish("git.push", collection, repository.project().id().toString(), resource);
    return resource;
  }

  /**
   * Deletes {@code branch} and publishes the {@code git.push} that records it (no commits, the ref
   * update's new object id all zeros); empty when there was no such branch.
   */
  public java.util.Optional<ObjectNode> deleteBranch(
      Collection collection,
      String baseUrl,
      Repository repository,
      String branch,
      SimulatedUser pusher) {
    return GitContent.delete(repository, branch)
        .map(
            update -> {
              ObjectNode resource =
                  resource(baseUrl, repository, update, pusher, nextPushId.getAndIncrement());
              events.publish(
                  "git.push", collection, repository.project().id().toString(), resource);
              return resource;
            });
  }

  private ObjectNode resource(
      String baseUrl,
      Repository repository,
      GitContent.RefUpdate update,
      SimulatedUser pusher,
      int pushId) {
    Project project = repository.project();
    String repoUrl = repositoryUrl(baseUrl, repository);
    ObjectNode resource = Json.object();
    resource.putArray("commits");
    ObjectNode ref = resource.putArray("refUpdates").addObject();
    ref.put("name", update.name());
    ref.put("oldObjectId", update.oldObjectId());
    ref.put("newObjectId", update.newObjectId());
    ObjectNode repositoryNode = resource.putObject("repository");
    repositoryNode.put("id", repository.id().toString());
    repositoryNode.put("name", repository.name());
    repositoryNode.put("url", repoUrl);
    ObjectNode projectNode = repositoryNode.putObject("project");
    projectNode.put("id", project.id().toString());
    projectNode.put("name", project.name());
    projectNode.put("url", baseUrl + "/_apis/projects/" + project.id());
    projectNode.put("state", project.state());
    repositoryNode.put("defaultBranch", repository.defaultBranch());
    repositoryNode.put(
        "remoteUrl",
        baseUrl
            + "/"
            + PathCodec.encodeSegment(project.name())
            + "/_git/"
            + PathCodec.encodeSegment(repository.name()));
    ObjectNode pushedBy = resource.putObject("pushedBy");
    pushedBy.put("id", pusher.id().toString());
    pushedBy.put("displayName", pusher.displayName());
    pushedBy.put("uniqueName", pusher.emailAddress());
    resource.put("pushId", pushId);
    resource.put("date", Json.timestamp(clock.instant()));
    resource.put("url", repoUrl + "/pushes/" + pushId);
    return resource;
  }

  private static String repositoryUrl(String baseUrl, Repository repository) {
    return baseUrl + "/" + repository.project().id() + "/_apis/git/repositories/" + repository.id();
  }
}
