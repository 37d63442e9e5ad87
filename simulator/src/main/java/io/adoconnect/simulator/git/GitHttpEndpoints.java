package io.adoconnect.simulator.git;

import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Git's smart HTTP protocol (protocol v0, stateless RPC) for every repository, at its clone URL:
 * {@code {collection}/{project}/_git/{repo}} (or {@code {collection}/_git/{repo}}) followed by
 * {@code info/refs?service=git-upload-pack|git-receive-pack}, {@code POST git-upload-pack} and
 * {@code POST git-receive-pack}. JGit's {@link UploadPack} and {@link ReceivePack} speak the
 * protocol over the simulator's own HTTP server (requests and answers are small, so both are
 * buffered). The router has already authenticated the caller as for the REST API.
 *
 * <p>A push moves the refs in {@link GitContent} and is recorded by {@link Pushes}, which publishes
 * the {@code git.push} event.
 */
public final class GitHttpEndpoints implements AreaHandler {
  private static final String UPLOAD = "git-upload-pack";
  private static final String RECEIVE = "git-receive-pack";

  private final GitContent git;
  private final Pushes pushes;

  public GitHttpEndpoints(GitContent git, Pushes pushes) {
    this.git = git;
    this.pushes = pushes;
  }

  /**
   * Whether {@code route} (after the scope) is a Git smart HTTP request, {@code [_git, repo, …]}.
   */
  public static boolean isGit(List<String> route) {
    return route.size() >= 2 && route.get(0).equals("_git");
  }

  @Override
  public Optional<Response> handle(ApiCall call) {
    List<String> route = call.route();
    Collection collection = call.scope().collection();
    if (collection == null || !isGit(route)) {
      return Optional.empty();
    }
    String rest = String.join("/", route.subList(2, route.size()));
    String method = call.request().method();
    Optional<Repository> found = repository(call, collection, route.get(1));
    if (found.isEmpty()) {
      return Optional.of(notFound(route.get(1)));
    }
    Repository repository = found.get();
    try {
      if (rest.equals("info/refs") && method.equals("GET")) {
        String service = call.request().queryParameter("service").orElse("");
        if (!service.equals(UPLOAD) && !service.equals(RECEIVE)) {
          // Dumb HTTP is not served, as by Azure DevOps.
          return Optional.of(
              forbidden("Dumb HTTP is not supported; use a Git client with smart HTTP."));
        }
        return Optional.of(advertise(repository, service));
      }
      if (rest.equals(UPLOAD) && method.equals("POST")) {
        return Optional.of(upload(repository, body(call)));
      }
      if (rest.equals(RECEIVE) && method.equals("POST")) {
        return Optional.of(receive(call, collection, repository, body(call)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(notFound(route.get(1)));
  }

  /**
   * Whether a Git request only reads ({@code vso.code}) rather than pushes ({@code
   * vso.code_write}).
   */
  public static boolean reads(ApiCall call) {
    return !call.route().contains(RECEIVE)
        && !call.request().queryParameter("service").filter(RECEIVE::equals).isPresent();
  }

  private Response advertise(Repository repository, String service) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PacketLineOut packets = new PacketLineOut(out);
    packets.writeString("# service=" + service + "\n");
    packets.end();
    PacketLineOutRefAdvertiser advertiser = new PacketLineOutRefAdvertiser(packets);
    if (service.equals(UPLOAD)) {
      UploadPack up = new UploadPack(git.git(repository));
      up.setBiDirectionalPipe(false);
      up.sendAdvertisedRefs(advertiser);
    } else {
      ReceivePack rp = new ReceivePack(git.git(repository));
      rp.setBiDirectionalPipe(false);
      rp.sendAdvertisedRefs(advertiser);
    }
    return gitResponse("application/x-" + service + "-advertisement", out.toByteArray());
  }

  private Response upload(Repository repository, InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    UploadPack up = new UploadPack(git.git(repository));
    up.setBiDirectionalPipe(false);
    up.upload(in, out, null);
    return gitResponse("application/x-git-upload-pack-result", out.toByteArray());
  }

  private Response receive(
      ApiCall call, Collection collection, Repository repository, InputStream in)
      throws IOException {
    org.eclipse.jgit.lib.Repository repo = git.git(repository);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReceivePack rp = new ReceivePack(repo);
    rp.setBiDirectionalPipe(false);
    rp.setRefLogIdent(pushes.ident(call.scope().user()));
    rp.setPostReceiveHook(
        (pack, commands) -> {
          List<GitContent.RefUpdate> moved =
              commands.stream()
                  .filter(c -> c.getResult() == ReceiveCommand.Result.OK)
                  .map(
                      c ->
                          new GitContent.RefUpdate(
                              c.getRefName(), c.getOldId().name(), c.getNewId().name()))
                  .toList();
          if (!moved.isEmpty()) {
            pushes.pushed(
                collection, call.scope().baseUrl(), repository, moved, call.scope().user());
          }
        });
    // Writers of the REST side (merges, simulated pushes) hold the same monitor.
    synchronized (repo) {
      rp.receive(in, out, null);
    }
    return gitResponse("application/x-git-receive-pack-result", out.toByteArray());
  }

  private static InputStream body(ApiCall call) throws IOException {
    InputStream in = new ByteArrayInputStream(call.body());
    String encoding = call.request().header("Content-Encoding").orElse("").toLowerCase(Locale.ROOT);
    return encoding.contains("gzip") ? new GZIPInputStream(in) : in;
  }

  private static Response gitResponse(String contentType, byte[] body) {
    return new Response(
        200, Map.of("Content-Type", contentType, "Cache-Control", "no-cache"), body);
  }

  private static Optional<Repository> repository(ApiCall call, Collection collection, String name) {
    List<Repository> candidates;
    if (call.project() == null) {
      // {collection}/_git/{repo}: the repository named like its project.
      candidates =
          collection.repositories().stream()
              .filter(r -> r.project().name().equalsIgnoreCase(r.name()))
              .toList();
    } else {
      Optional<Project> project = collection.project(call.project());
      if (project.isEmpty()) {
        return Optional.empty();
      }
      candidates = collection.repositoriesOf(project.get());
    }
    return Collection.repository(candidates, name).filter(r -> !r.disabled());
  }

  private static Response notFound(String name) {
    // Wording as Azure DevOps' TF401019; git prints "repository … not found" for the 404.
    return ErrorEnvelope.of(
        404,
        "TF401019: The Git repository with name or identifier "
            + name
            + " does not exist or you do not have permissions for the operation you are"
            + " attempting.",
        "Microsoft.TeamFoundation.Git.Server.GitRepositoryNotFoundException,"
            + " Microsoft.TeamFoundation.Git.Server");
  }

  private static Response forbidden(String message) {
    return ErrorEnvelope.of(403, message, "System.InvalidOperationException, mscorlib");
  }
}
