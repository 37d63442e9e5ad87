package io.adoconnect.mcp;

import io.adoconnect.InvalidInputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The groups of tools a deployment (or a person granting a client) can choose, so an agent that
 * only reviews code is never shown the build or work item tools at all.
 */
public enum ToolSet {
  /** Organizations, projects, repositories and sources. */
  REPOSITORIES,
  /** Branches, file content and commit statuses. */
  CODE,
  /** Pull requests, their threads and statuses. */
  PULL_REQUESTS,
  /** Builds and pipelines. */
  BUILDS,
  /** Classic releases. */
  RELEASES,
  /** Work items: WIQL queries, read, create, update, comment. */
  WORK_ITEMS,
  /** Recent trusted service hook events. */
  EVENTS;

  /** Every set: the default. */
  public static Set<ToolSet> all() {
    return EnumSet.allOf(ToolSet.class);
  }

  /** The name users type and see, e.g. {@code pull-requests}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@link #wireName}s ({@code repositories}, {@code code}); {@code all} is every set. */
  public static Set<ToolSet> parse(List<String> names) {
    EnumSet<ToolSet> sets = EnumSet.noneOf(ToolSet.class);
    for (String part : names) {
      String name = part.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (name.equals("all")) {
        sets.addAll(all());
        continue;
      }
      ToolSet set =
          Arrays.stream(values())
              .filter(s -> s.wireName().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "'" + part.strip() + "' is not a tool set.",
                          "Choose from: all, " + names() + "."));
      sets.add(set);
    }
    if (sets.isEmpty()) {
      throw new InvalidInputException(
          "No tool set was named.", "Choose from: all, " + names() + ".");
    }
    return sets;
  }

  /** Every wire name, comma-separated, for help and messages. */
  public static String names() {
    return Arrays.stream(values()).map(ToolSet::wireName).collect(Collectors.joining(", "));
  }
}
