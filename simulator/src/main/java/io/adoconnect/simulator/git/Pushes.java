package io.adoconnect.simulator.git;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.events.ServiceEvents;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.PathCodec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Pushes as Azure DevOps records them: whatever moved the refs (a {@code git push} over smart HTTP,
 * a pull request's completion, the {@code Simulator.push} test hook), the push is kept for the
 * Pushes API and a {@code git.push} event with its resource ({@code commits}, {@code refUpdates},
 * {@code repository}, {@code pushedBy}, {@code pushId}, {@code date}, {@code url}) is published.
 * One instance per simulator, so push ids count up across everything that pushes.
 */
public final class Pushes {
  /** Azure DevOps lists at most this many commits in a push event. */
  private static final int EVENT_COMMITS = 100;

  private final ServiceEvents events;
  private final Clock clock;
  private final GitContent git;
  private final AtomicInteger nextPushId = new AtomicInteger(1);
  private final Map<UUID, List<ObjectNode>> byRepository = new ConcurrentHashMap<>();

  public Pushes(ServiceEvents events, Clock clock, GitContent git) {
    this.events = events;
    this.clock = clock;
    this.git = git;
  }

  /** The Git content the pushes go to. */
  public GitContent git() {
    return git;
  }

  /**
   * Commits one change onto {@code branch} (created from the default branch if missing): a line
   * appended to {@code simulated-pushes.md}; records the push and publishes {@code git.push}.
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
    int pushId = nextPushId.getAndIncrement();
    String message = comment != null ? comment : "Simulated push " + pushId;
    String path = "simulated-pushes.md";
    byte[] before =
        git.branch(repository, branch)
            .or(() -> git.defaultBranch(repository))
            .flatMap(b -> Items.file(git, repository, b.commitId(), path))
            .orElse(new byte[0]);
    byte[] after =
        (new String(before, java.nio.charset.StandardCharsets.UTF_8) + message + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    GitContent.RefUpdate update =
        git.commit(repository, branch, Map.of(path, after), message, ident(pusher));
    return record(collection, baseUrl, repository, List.of(update), pusher, pushId);
  }

  /**
   * Records refs already moved (by a {@code git push}, or a pull request's merge) and publishes the
   * {@code git.push} that lists them; the returned resource names the new commits.
   */
  public ObjectNode pushed(
      Collection collection,
      String baseUrl,
      Repository repository,
      List<GitContent.RefUpdate> updates,
      SimulatedUser pusher) {
    return record(collection, baseUrl, repository, updates, pusher, nextPushId.getAndIncrement());
  }

  /**
   * Deletes {@code branch} and publishes the {@code git.push} that records it (no commits, the ref
   * update's new object id all zeros); empty when there was no such branch.
   */
  public Optional<ObjectNode> deleteBranch(
      Collection collection,
      String baseUrl,
      Repository repository,
      String branch,
      SimulatedUser pusher) {
    return git.delete(repository, branch)
        .map(update -> pushed(collection, baseUrl, repository, List.of(update), pusher));
  }

  /** The repository's pushes, newest first. */
  public List<ObjectNode> of(Repository repository) {
    List<ObjectNode> list = byRepository.getOrDefault(repository.id(), List.of());
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  /** How a simulated user signs commits: name, email, the clock's time. */
  public PersonIdent ident(SimulatedUser user) {
    return new PersonIdent(
        user.displayName(), user.emailAddress(), clock.instant(), ZoneOffset.UTC);
  }

  private ObjectNode record(
      Collection collection,
      String baseUrl,
      Repository repository,
      List<GitContent.RefUpdate> updates,
      SimulatedUser pusher,
      int pushId) {
    ObjectNode resource = resource(baseUrl, repository, updates, pusher, pushId);
    ArrayNode commits = resource.withArray("commits");
    List<String> listed = new ArrayList<>();
    for (GitContent.RefUpdate update : updates) {
      for (RevCommit c :
          git.commitsBetween(
              repository, update.oldObjectId(), update.newObjectId(), EVENT_COMMITS)) {
        if (listed.contains(c.name()) || listed.size() >= EVENT_COMMITS) {
          continue;
        }
        listed.add(c.name());
        commits.add(commit(baseUrl, repository, c));
      }
    }
    List<ObjectNode> list = byRepository.computeIfAbsent(repository.id(), id -> new ArrayList<>());
    synchronized (list) {
      list.add(0, resource.deepCopy());
    }
    events.publish("git.push", collection, repository.project().id().toString(), resource);
    return resource;
  }

  private static ObjectNode commit(String baseUrl, Repository repository, RevCommit c) {
    ObjectNode commit = Json.object();
    commit.put("commitId", c.name());
    commit.set("author", person(c.getAuthorIdent()));
    commit.set("committer", person(c.getCommitterIdent()));
    commit.put("comment", c.getFullMessage().strip());
    commit.put("url", repositoryUrl(baseUrl, repository) + "/commits/" + c.name());
    return commit;
  }

  private static ObjectNode person(PersonIdent ident) {
    ObjectNode node = Json.object();
    node.put("name", ident.getName());
    node.put("email", ident.getEmailAddress());
    node.put("date", Json.timestamp(ident.getWhenAsInstant()));
    return node;
  }

  private ObjectNode resource(
      String baseUrl,
      Repository repository,
      List<GitContent.RefUpdate> updates,
      SimulatedUser pusher,
      int pushId) {
    Project project = repository.project();
    String repoUrl = repositoryUrl(baseUrl, repository);
    ObjectNode resource = Json.object();
    resource.putArray("commits");
    ArrayNode refUpdates = resource.putArray("refUpdates");
    for (GitContent.RefUpdate update : updates) {
      ObjectNode ref = refUpdates.addObject();
      ref.put("name", update.name());
      ref.put("oldObjectId", update.oldObjectId());
      ref.put("newObjectId", update.newObjectId());
    }
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
