package io.adoconnect.cli;

import picocli.CommandLine.Option;

/**
 * The options of a status post, the same for a commit ({@code status post}) and a pull request
 * ({@code prs status post}).
 */
public final class StatusOptions {
  @Option(
      names = "--state",
      required = true,
      paramLabel = "STATE",
      description = "succeeded, failed, pending or error.")
  String state;

  @Option(
      names = "--context",
      required = true,
      paramLabel = "NAME",
      description = "The check's name; a newer status with the same name supersedes older ones.")
  String context;

  @Option(names = "--genre", paramLabel = "GENRE", description = "Groups the check's name.")
  String genre;

  @Option(names = "--description", paramLabel = "TEXT", description = "Shown next to the state.")
  String description;

  @Option(names = "--target-url", paramLabel = "URL", description = "Where the details are.")
  String targetUrl;
}
