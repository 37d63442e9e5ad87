package io.adoconnect.simulator.git;

import io.adoconnect.simulator.data.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The simulator's Git repositories: real Git objects, one JGit {@link InMemoryRepository} per
 * simulated repository, served over smart HTTP by {@link GitHttpEndpoints} and read by the REST
 * areas. A repository's objects are created on first access, so a dataset of tens of thousands of
 * repositories costs nothing until one is cloned or read; a repository nobody touches never exists.
 *
 * <p>In memory rather than on disk: the rest of the simulator's state (pull requests, builds,
 * statuses) lives in memory too and goes with the simulator, two simulators in one JVM never share
 * a repository, and nothing is left under a temp directory when a test JVM dies.
 *
 * <p>Seeded content (deterministic: fixed author and time): the default branch has {@code
 * README.md} (naming the repository and branch) and {@code src/hello.txt}; {@code feature/search}
 * and {@code feature/login-page} each add one commit on top of it that rewrites {@code README.md}
 * and adds {@code CHANGES.md}. Repositories without a default branch (never pushed) start empty;
 * disabled ones have no Git content.
 */
public final class GitContent {
  static final List<String> FEATURE_BRANCHES = List.of("feature/search", "feature/login-page");
  private static final String ZERO = ObjectId.zeroId().name();
  private static final Instant SEEDED_AT = Instant.parse("2024-01-15T09:00:00Z");
  private static final PersonIdent SEEDER =
      new PersonIdent("Azure DevOps Simulator", "simulator@example.com", SEEDED_AT, ZoneOffset.UTC);

  private final Map<UUID, InMemoryRepository> repositories = new ConcurrentHashMap<>();

  /** One branch: {@code name} without {@code refs/heads/}. */
  public record Branch(String name, String commitId) {
    public String refName() {
      return Constants.R_HEADS + name;
    }
  }

  /** A ref moved by a push, as a {@code git.push} event's {@code refUpdates[]} shows it. */
  public record RefUpdate(String name, String oldObjectId, String newObjectId) {
    /** Whether the push deleted the ref. */
    public boolean deleted() {
      return newObjectId.equals(ZERO);
    }
  }

  /**
   * The Git repository behind a simulated one, created (and seeded) on first access.
   *
   * @throws IllegalArgumentException for a disabled repository, which serves no Git content
   */
  public org.eclipse.jgit.lib.Repository git(Repository repository) {
    if (repository.disabled()) {
      throw new IllegalArgumentException(repository.name() + " is disabled");
    }
    return repositories.computeIfAbsent(repository.id(), id -> seeded(repository));
  }

  /** How many repositories' Git objects exist so far. */
  public int created() {
    return repositories.size();
  }

  /** The branches, sorted by full ref name as Azure DevOps lists them. */
  public List<Branch> branches(Repository repository) {
    if (repository.disabled()) {
      return List.of();
    }
    try {
      return git(repository).getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream()
          .filter(ref -> ref.getObjectId() != null)
          .map(
              ref ->
                  new Branch(
                      ref.getName().substring(Constants.R_HEADS.length()),
                      ref.getObjectId().name()))
          .sorted(Comparator.comparing(Branch::refName))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The branch named {@code name} (with or without {@code refs/heads/}). */
  public Optional<Branch> branch(Repository repository, String name) {
    String wanted = name.startsWith(Constants.R_HEADS) ? name.substring(11) : name;
    return branches(repository).stream().filter(b -> b.name().equals(wanted)).findFirst();
  }

  /** The default branch, if the repository has content. */
  public Optional<Branch> defaultBranch(Repository repository) {
    return repository.defaultBranch() == null
        ? Optional.empty()
        : branch(repository, repository.defaultBranch());
  }

  /** Whether {@code commitId} (full 40 hex digits) is a commit of the repository. */
  public boolean hasCommit(Repository repository, String commitId) {
    return commit(repository, commitId).isPresent();
  }

  /** The commit {@code commitId} names, if it is a commit of this repository. */
  public Optional<ObjectId> commit(Repository repository, String commitId) {
    if (repository.disabled() || !ObjectId.isId(commitId)) {
      return Optional.empty();
    }
    ObjectId id = ObjectId.fromString(commitId);
    try (RevWalk walk = new RevWalk(git(repository))) {
      walk.parseCommit(id);
      return Optional.of(id);
    } catch (IOException notACommit) {
      return Optional.empty();
    }
  }

  /**
   * Commits {@code changes} (path without leading {@code /} → new content, {@code null} deletes)
   * onto {@code branch}, creating the branch from the default branch when it doesn't exist.
   *
   * @throws IllegalArgumentException for a repository with nothing to branch from
   */
  public RefUpdate commit(
      Repository repository,
      String branch,
      Map<String, byte[]> changes,
      String message,
      PersonIdent author) {
    org.eclipse.jgit.lib.Repository git = git(repository);
    synchronized (git) {
      return commit(git, repository, branch, changes, message, author);
    }
  }

  private RefUpdate commit(
      org.eclipse.jgit.lib.Repository git,
      Repository repository,
      String branch,
      Map<String, byte[]> changes,
      String message,
      PersonIdent author) {
    Optional<Branch> existing = branch(repository, branch);
    Branch parent =
        existing
            .or(() -> defaultBranch(repository))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        repository.name() + " has no content to push onto"));
    try (ObjectInserter inserter = git.newObjectInserter();
        RevWalk walk = new RevWalk(git)) {
      RevCommit base = walk.parseCommit(ObjectId.fromString(parent.commitId()));
      ObjectId tree = Trees.edit(inserter, base.getTree(), changes);
      ObjectId id = Trees.commit(inserter, tree, message, author, base);
      inserter.flush();
      String old = existing.map(Branch::commitId).orElse(ZERO);
      move(git, Constants.R_HEADS + branchName(branch), old, id);
      return new RefUpdate(Constants.R_HEADS + branchName(branch), old, id.name());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes {@code branch} (with or without {@code refs/heads/}), as a push of 40 zeros would;
   * empty when there is no such branch.
   */
  public Optional<RefUpdate> delete(Repository repository, String branch) {
    org.eclipse.jgit.lib.Repository git = git(repository);
    synchronized (git) {
      Optional<Branch> existing = branch(repository, branch);
      existing.ifPresent(b -> move(git, b.refName(), b.commitId(), ObjectId.zeroId()));
      return existing.map(b -> new RefUpdate(b.refName(), b.commitId(), ZERO));
    }
  }

  /**
   * Moves {@code refName} from {@code expectedOld} (40 zeros: must not exist) to {@code next} (40
   * zeros: delete), failing when someone moved it first. Writers that read a tip before moving it
   * hold the Git repository's monitor.
   */
  void move(
      org.eclipse.jgit.lib.Repository git, String refName, String expectedOld, ObjectId next) {
    try {
      org.eclipse.jgit.lib.RefUpdate update = git.updateRef(refName);
      update.setExpectedOldObjectId(ObjectId.fromString(expectedOld));
      update.setForceUpdate(true);
      update.setRefLogIdent(SEEDER);
      org.eclipse.jgit.lib.RefUpdate.Result result;
      if (next.equals(ObjectId.zeroId())) {
        result = update.delete();
      } else {
        update.setNewObjectId(next);
        result = update.update();
      }
      switch (result) {
        case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> {}
        default ->
            throw new IllegalStateException("Could not move " + refName + ": " + result.name());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tip of {@code refName}, if it exists. */
  Optional<ObjectId> tip(org.eclipse.jgit.lib.Repository git, String refName) {
    try {
      Ref ref = git.exactRef(refName);
      return ref == null ? Optional.empty() : Optional.ofNullable(ref.getObjectId());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a blob. */
  public byte[] read(Repository repository, ObjectId blob) {
    try (ObjectReader reader = git(repository).newObjectReader()) {
      return reader.open(blob, Constants.OBJ_BLOB).getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The commits reachable from {@code newest} but not from {@code oldest} (null: none), newest
   * first.
   */
  public List<RevCommit> commitsBetween(
      Repository repository, String oldest, String newest, int max) {
    List<RevCommit> commits = new ArrayList<>();
    if (newest == null || newest.equals(ZERO)) {
      return commits;
    }
    try (RevWalk walk = new RevWalk(git(repository))) {
      walk.markStart(walk.parseCommit(ObjectId.fromString(newest)));
      if (oldest != null && !oldest.equals(ZERO)) {
        walk.markUninteresting(walk.parseCommit(ObjectId.fromString(oldest)));
      }
      for (RevCommit c : walk) {
        commits.add(c);
        if (commits.size() >= max) {
          break;
        }
      }
      return commits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private InMemoryRepository seeded(Repository repository) {
    InMemoryRepository git =
        new InMemoryRepository(new DfsRepositoryDescription(repository.name()));
    if (repository.defaultBranch() == null || !repository.hasRemoteUrl()) {
      // Never pushed: empty until the first push, which creates main.
      link(git, Constants.R_HEADS + "main");
      return git;
    }
    String main = branchName(repository.defaultBranch());
    try (ObjectInserter inserter = git.newObjectInserter()) {
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put("README.md", readme(repository, main));
      files.put("src/hello.txt", utf8("Hello from " + repository.name() + "\n"));
      ObjectId root = Trees.commit(inserter, Trees.of(inserter, files), "Initial commit", SEEDER);
      Map<String, ObjectId> tips = new LinkedHashMap<>();
      tips.put(main, root);
      try (RevWalk walk = new RevWalk(inserter.newReader())) {
        RevCommit parent = walk.parseCommit(root);
        for (String feature : FEATURE_BRANCHES) {
          Map<String, byte[]> changes = new LinkedHashMap<>();
          changes.put("README.md", readme(repository, feature));
          changes.put("CHANGES.md", utf8("# Changes\n\n- Work in progress on " + feature + ".\n"));
          ObjectId tree = Trees.edit(inserter, parent.getTree(), changes);
          tips.put(feature, Trees.commit(inserter, tree, "Start " + feature, SEEDER, parent));
        }
      }
      inserter.flush();
      tips.forEach((name, id) -> move(git, Constants.R_HEADS + name, ZERO, id));
      link(git, Constants.R_HEADS + main);
      return git;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the Git content of " + repository.name(), e);
    }
  }

  /** Points {@code HEAD} at {@code refName}, so a clone checks out the default branch. */
  private static void link(org.eclipse.jgit.lib.Repository git, String refName) {
    try {
      git.getRefDatabase().newUpdate(Constants.HEAD, false).link(refName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readme(Repository repository, String branch) {
    return utf8(
        "# "
            + repository.name()
            + "\n\nThis is "
            + repository.project().name()
            + "/"
            + repository.name()
            + " on branch "
            + branch
            + ".\n");
  }

  static String branchName(String refOrName) {
    return refOrName.startsWith(Constants.R_HEADS)
        ? refOrName.substring(Constants.R_HEADS.length())
        : refOrName;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
