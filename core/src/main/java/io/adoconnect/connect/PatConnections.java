package io.adoconnect.connect;

import io.adoconnect.NotFoundException;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import io.adoconnect.devops.ApiVersion;
import io.adoconnect.devops.Deployment;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Names;
import io.adoconnect.organizations.ConnectionData;
import io.adoconnect.organizations.OrganizationsClient;
import io.adoconnect.projects.ProjectsClient;
import io.adoconnect.repositories.RepositoriesClient;
import io.adoconnect.repositories.Repository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Checks a Personal Access Token against its organizations the way a user would: who am I ({@code
 * connectionData}), which projects can I read, which repositories. Nothing is saved here.
 */
final class PatConnections {
  private final ConnectSettings settings;

  PatConnections(ConnectSettings settings) {
    this.settings = settings;
  }

  List<ConnectionCheck> check(PatTarget target, Secret pat) {
    AzureDevOpsHttp http =
        new AzureDevOpsHttp(settings.transport(), PatCredential.of(pat, target.isServer()));
    OrganizationsClient organizations = new OrganizationsClient(http, settings.endpoints());
    List<ConnectionCheck> checks = new ArrayList<>();
    if (target.isServer()) {
      Organization probe =
          Organization.server(target.serverUrl(), target.collection(), ApiVersion.SERVER_FIRST_TRY);
      ConnectionData who = whoAmI(organizations, probe, false);
      checks.add(
          count(http, organizations.negotiateServer(target.serverUrl(), target.collection()), who));
    } else {
      for (String name : target.organizations()) {
        Organization org = Organization.services(settings.endpoints(), name);
        checks.add(count(http, org, whoAmI(organizations, org, true)));
      }
    }
    return checks;
  }

  /**
   * @param proven whether the host is known to be Azure DevOps (the operator's endpoint, or a saved
   *     account's server); a Server URL just typed is not, until its answer shows it
   */
  private static ConnectionData whoAmI(
      OrganizationsClient organizations, Organization org, boolean proven) {
    try {
      return proven
          ? organizations.connectionData(org.baseUrl())
          : UnprovenHost.connectionData(organizations, org);
    } catch (NotFoundException e) {
      String where = org.deployment() == Deployment.SERVER ? "Collection" : "Organization";
      throw new NotFoundException(
          e.typeKey(),
          where
              + " "
              + Names.shown(org.name(), where.toLowerCase(Locale.ROOT) + " name")
              + " was not found"
              + (Names.isPlain(org.name()) ? " at " + org.baseUrl() : "")
              + ".",
          org.deployment() == Deployment.SERVER
              ? "Check the server URL (include a /tfs prefix only if your server's URLs have one) and the collection name."
              : "Check the organization name matches exactly what appears in your Azure DevOps URL: https://dev.azure.com/{organization}.");
    }
  }

  /** Re-checks an organization of a saved account with its own client. */
  ConnectionCheck countWith(AzureDevOpsHttp http, Organization org) {
    return count(http, org, whoAmI(new OrganizationsClient(http, settings.endpoints()), org, true));
  }

  private static ConnectionCheck count(AzureDevOpsHttp http, Organization org, ConnectionData who) {
    long projects = new ProjectsClient(http).list(org).stream().count();
    List<Repository> cloneable =
        new RepositoriesClient(http).listAll(org).stream().filter(Repository::cloneable).toList();
    long repositories = cloneable.size();
    String warning =
        PublicUrlCheck.localhostWarning(
                org.baseUrl(),
                cloneable.stream().flatMap(r -> Stream.of(r.remoteUrl(), r.webUrl())))
            .orElse(null);
    ConnectionData.Identity user = who.authenticatedUser();
    return new ConnectionCheck(
        org.name(),
        org.baseUrl().toString(),
        org.deployment().name().toLowerCase(Locale.ROOT),
        org.apiVersion().toString(),
        user == null ? null : user.providerDisplayName(),
        user == null ? null : user.account(),
        (int) projects,
        (int) repositories,
        null,
        warning,
        who.instanceId());
  }
}
