package io.adoconnect.cli;

import io.adoconnect.connect.OrganizationRef;
import io.adoconnect.connect.ProjectRef;
import io.adoconnect.connect.RefParser;
import io.adoconnect.connect.RepositoryRef;
import picocli.CommandLine.Option;

/**
 * {@code --account ID} for every command that names an organization, a project or a repository, and
 * the refs it makes from the path the user typed.
 */
public final class AccountOption {
  @Option(
      names = "--account",
      paramLabel = "ID",
      description =
          "The account to use when more than one reaches the organization (ado-connect accounts"
              + " lists the ids).")
  String account;

  RepositoryRef repository(String path) {
    return RefParser.repository(path, account);
  }

  ProjectRef project(String path) {
    return RefParser.project(path, account);
  }

  OrganizationRef organization(String name) {
    return RefParser.organization(name, account);
  }
}
