package io.adoconnect.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.adoconnect.AdoConnectException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point: runs one command and maps what went wrong to an exit code and a hint. */
public final class Main {
  /** Columns of {@code --help} when the terminal's width is unknown (a pipe, a test). */
  static final int HELP_WIDTH = 100;

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("serve")) {
      // the service's own logging (info, request ids, JSON on request) for the process; commands
      // run in-process by tests or an embedding keep theirs
      try {
        ServiceLogging.configure(System.getenv());
      } catch (InvalidInputException badSetting) {
        System.err.println("error: " + badSetting.getMessage());
        String hint = NextStepCommand.hint(badSetting.nextStep());
        if (hint != null) {
          System.err.println("hint: " + hint);
        }
        System.exit(ExitCodes.USAGE);
      }
    }
    int code = run(CliContext.system(), args);
    // dbus-java (OS keychain) leaves a non-daemon thread behind; exit explicitly.
    System.exit(code);
  }

  public static int run(CliContext ctx, String... args) {
    Logger logger = (Logger) LoggerFactory.getLogger("io.adoconnect");
    Level before = logger.getLevel();
    if (List.of(args).contains("--verbose") || List.of(args).contains("-v")) {
      logger.setLevel(Level.DEBUG);
    }
    try {
      return commandLine(ctx, args).execute(args);
    } finally {
      logger.setLevel(before);
    }
  }

  /** The whole command tree: for help, and for tests that walk every command. */
  static CommandLine commandLine(CliContext ctx) {
    return commandLine(ctx, new String[0]);
  }

  /**
   * The command tree {@code args} needs: the top-level command with only the subcommand the first
   * argument names, none for {@code --version}, or all of them when it names none (help, a
   * mistake).
   */
  static CommandLine commandLine(CliContext ctx, String[] args) {
    ContextFactory factory = new ContextFactory(ctx);
    CommandLine cli = new CommandLine(new AdoConnectCommand(), factory);
    Class<?> named = args.length == 0 ? null : subcommandNamed(args[0]);
    boolean versionOnly = args.length == 1 && List.of("-V", "--version").contains(args[0]);
    for (Class<?> subcommand : AdoConnectCommand.SUBCOMMANDS) {
      if (!versionOnly && (named == null || named == subcommand)) {
        cli.addSubcommand(new CommandLine(subcommand, factory));
      }
    }
    // Paragraphs wrap at the terminal's width when picocli can tell it, else at HELP_WIDTH; the
    // default 80 cut URLs and identifiers in two.
    cli.setUsageHelpWidth(HELP_WIDTH);
    cli.setUsageHelpAutoWidth(true);
    cli.setHelpFactory(WholeWordsHelp.factory());
    cli.setOut(new PrintWriter(ctx.out(), true));
    cli.setErr(new PrintWriter(ctx.err(), true));
    // A usage mistake is one error line and where to read more, not a 30-line usage dump.
    cli.setParameterExceptionHandler(
        (mistake, arguments) -> {
          CommandLine command = mistake.getCommandLine();
          String message = String.valueOf(mistake.getMessage()).replaceFirst("^Error: ", "");
          ctx.err().println("error: " + Output.printable(message));
          String name = command.getCommandSpec().qualifiedName();
          java.util.Set<String> subcommands = command.getSubcommands().keySet();
          ctx.err()
              .println(
                  subcommands.isEmpty()
                      ? "hint: Run: " + name + " --help"
                      : "hint: Run: "
                          + name
                          + " "
                          + String.join("|", new java.util.TreeSet<>(subcommands))
                          + " (or "
                          + name
                          + " --help)");
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (failure, commandLine, parseResult) -> {
          Throwable known = busyPort(failure).map(Throwable.class::cast).orElse(failure);
          report(ctx, known);
          return ExitCodes.of(known);
        });
    return cli;
  }

  /** The subcommand class whose name or alias is {@code arg}, read from its annotation. */
  static Class<?> subcommandNamed(String arg) {
    for (Class<?> subcommand : AdoConnectCommand.SUBCOMMANDS) {
      CommandLine.Command command = subcommand.getAnnotation(CommandLine.Command.class);
      if (command.name().equals(arg) || List.of(command.aliases()).contains(arg)) {
        return subcommand;
      }
    }
    return null;
  }

  static void report(CliContext ctx, Throwable failure) {
    if (failure instanceof AdoConnectException known) {
      ctx.err().println("error: " + Output.printable(known.getMessage()));
      String hint = NextStepCommand.hint(known.nextStep());
      if (hint != null) {
        ctx.err().println("hint: " + Output.printable(hint));
      }
    } else {
      ctx.err()
          .println(
              "error: unexpected "
                  + failure.getClass().getSimpleName()
                  + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
      ctx.err()
          .println(
              "hint: this is a bug in ado-connect; run again with --verbose and report what it prints.");
      LoggerFactory.getLogger(Main.class).debug("unexpected failure", failure);
    }
  }

  /**
   * A port someone else listens on ({@code serve --port}, {@code simulator --port}) is bad input
   * with a way out, not a bug: the servers report it as a {@link BindException} somewhere in the
   * cause chain.
   */
  static Optional<InvalidInputException> busyPort(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return Optional.of(
            new InvalidInputException(
                "That port is already in use"
                    + (t.getMessage() == null ? "." : " (" + t.getMessage() + ")."),
                NextStep.of(NextStep.Action.CHOOSE_PORT, "Another program listens on it.")));
      }
    }
    return Optional.empty();
  }

  /** Creates commands with the context, so none of them reaches for System.* directly. */
  private record ContextFactory(CliContext ctx) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(CliContext.class).newInstance(ctx);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
