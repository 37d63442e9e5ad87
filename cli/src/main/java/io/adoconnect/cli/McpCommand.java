package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.mcp.AdoConnectMcp;
import io.adoconnect.mcp.McpCaller;
import io.adoconnect.mcp.McpCallers;
import io.adoconnect.mcp.McpPolicy;
import io.adoconnect.mcp.ToolSet;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ado-connect mcp}: the MCP server over stdio, for an agent on this machine. stdout carries
 * only MCP messages (logs and notices go to stderr); it runs until the client closes stdin.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the Model Context Protocol over stdio: tools for every connected account, organization"
          + " and Server collection, for an agent (Claude Code, VS Code, Cursor, …).",
      "Read-only unless --allow-write. Text written by Azure DevOps users reaches the model between"
          + " random delimiters, marked as data."
    })
public final class McpCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;

  @Option(
      names = "--allow-write",
      description =
          "Offer the write tools too (create, update, comment on and complete pull requests; queue"
              + " builds, run pipelines; create and update work items).")
  boolean allowWrite;

  @Option(
      names = "--tools",
      split = ",",
      paramLabel = "SETS",
      description =
          "Comma-separated tool sets to offer (default: all): all, repositories, code,"
              + " pull-requests, builds, releases, work-items, events.")
  List<String> tools = List.of("all");

  @Option(
      names = "--sources-only",
      description =
          "Confine every tool to the repositories added as sources and their projects; anything"
              + " else is refused.")
  boolean sourcesOnly;

  McpCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    McpPolicy policy = new McpPolicy(allowWrite, ToolSet.parse(tools), sourcesOnly);
    CountDownLatch closed = new CountDownLatch(1);
    try (AdoConnect ado = Commands.open(ctx, common)) {
      ado.accounts(); // open the store (and fail with a hint) before the client connects
      McpSyncServer server =
          AdoConnectMcp.server(
              new StdioServerTransportProvider(
                  AdoConnectMcp.jsonMapper(), new UntilEnd(ctx.in(), closed), ctx.out()),
              McpCallers.fixed(new McpCaller(ado, policy)),
              policy,
              Version.version());
      ctx.err()
          .println(
              "ado-connect mcp: serving "
                  + AdoConnectMcp.toolNames(policy).size()
                  + " tools over stdio ("
                  + (allowWrite ? "writes allowed" : "read-only")
                  + (sourcesOnly ? ", sources only" : "")
                  + "); close stdin to stop.");
      closed.await();
      server.closeGracefully();
    }
    return ExitCodes.OK;
  }

  /** stdin that counts {@code closed} down once it ends (or fails): the client is gone. */
  private static final class UntilEnd extends FilterInputStream {
    private final CountDownLatch closed;

    UntilEnd(InputStream in, CountDownLatch closed) {
      super(in);
      this.closed = closed;
    }

    @Override
    public int read() throws IOException {
      return watch(() -> super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return watch(() -> super.read(b, off, len));
    }

    private int watch(IoRead read) throws IOException {
      try {
        int n = read.get();
        if (n < 0) {
          closed.countDown();
        }
        return n;
      } catch (IOException | RuntimeException e) {
        closed.countDown();
        throw e;
      }
    }

    @FunctionalInterface
    private interface IoRead {
      int get() throws IOException;
    }
  }
}
