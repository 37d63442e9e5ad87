package io.adoconnect.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.Fixtures;
import io.adoconnect.git.GitItem;
import io.adoconnect.http.Json;
import io.adoconnect.organizations.ConnectionData;
import io.adoconnect.organizations.MemberAccount;
import io.adoconnect.organizations.Profile;
import io.adoconnect.projects.Project;
import io.adoconnect.repositories.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Microsoft's own example payloads read into ado-connect's records, field by field. */
class FixtureMappingTest {
  private static <T> T read(String fixture, Class<T> type) throws IOException {
    return Json.MAPPER.readValue(Fixtures.bytes(fixture), type);
  }

  private static <T> List<T> list(String fixture, Class<T> type) throws IOException {
    List<T> items = new ArrayList<>();
    for (JsonNode item : Json.MAPPER.readTree(Fixtures.bytes(fixture)).path("value")) {
      items.add(Json.MAPPER.treeToValue(item, type));
    }
    return items;
  }

  @Test
  void profileAndAccounts() throws IOException {
    Profile me = read("profile-me.json", Profile.class);
    assertThat(me.id()).isEqualTo("d6245f20-2af8-44f4-9451-8107cb2767db");
    assertThat(me.displayName()).isEqualTo("Normal Paulk");
    assertThat(me.emailAddress()).isEqualTo("fabrikamfiber16@hotmail.com");

    assertThat(list("accounts-by-member.json", MemberAccount.class))
        .extracting(MemberAccount::accountName)
        .containsExactly("Fabrikam-Fiber-Inc", "NormalPaulk");
  }

  @Test
  void connectionDataOfServicesAndServer() throws IOException {
    ConnectionData hosted = read("connection-data.constructed.json", ConnectionData.class);
    assertThat(hosted.onPremises()).isFalse();
    assertThat(hosted.authenticatedUser().providerDisplayName()).isEqualTo("Normal Paulk");
    assertThat(hosted.authenticatedUser().account()).isEqualTo("normal.paulk@fabrikam.com");

    ConnectionData server = read("connection-data-onprem.constructed.json", ConnectionData.class);
    assertThat(server.onPremises()).isTrue();
    assertThat(server.webApplicationRelativeDirectory()).isEqualTo("/tfs/");
    assertThat(server.authenticatedUser().account()).isEqualTo("FABRIKAM\\npaulk");
  }

  @Test
  void projects() throws IOException {
    assertThat(list("projects-list.json", Project.class))
        .extracting(Project::name, Project::state)
        .containsExactly(
            tuple("Fabrikam-Fiber-TFVC", "wellFormed"),
            tuple("Fabrikam-Fiber-Git", "wellFormed"),
            tuple("TestGit", "wellFormed"));
  }

  @Test
  void repositoriesWithMissingOptionalFields() throws IOException {
    List<Repository> repos = list("repositories-list.json", Repository.class);
    assertThat(repos).hasSize(3);
    Repository first = repos.get(0);
    assertThat(first.defaultBranch()).isNull(); // an empty repository has none
    assertThat(first.project().name()).isEqualTo("Fabrikam-Fiber-Git");
    assertThat(first.cloneable()).isTrue();
    assertThat(repos.get(1).remoteUrl())
        .isEqualTo("https://dev.azure.com/fabrikam/_git/Fabrikam-Fiber-Git");
  }

  @Test
  void aRepositoryWithEveryField() throws IOException {
    Repository repo = read("repository-full.constructed.json", Repository.class);
    assertThat(repo.size()).isEqualTo(2097152L);
    assertThat(repo.sshUrl())
        .isEqualTo("git@ssh.dev.azure.com:v3/fabrikam/Fabrikam-Fiber-Git/AnotherRepository");
    assertThat(repo.webUrl())
        .isEqualTo("https://dev.azure.com/fabrikam/Fabrikam-Fiber-Git/_git/AnotherRepository");
    assertThat(repo.defaultBranch()).isEqualTo("refs/heads/main");
    assertThat(repo.isDisabled()).isFalse();
    assertThat(repo.cloneable()).isTrue();
  }

  @Test
  void aFileAsTheItemsListShowsIt() throws IOException {
    List<GitItem> items = list("item-metadata.json", GitItem.class);
    assertThat(items).hasSize(1);
    GitItem file = items.get(0);
    assertThat(file.path()).isEqualTo("/MyWebSite/MyWebSite/Views/Home/_Home.cshtml");
    assertThat(file.gitObjectType()).isEqualTo("blob");
    assertThat(file.isFolder()).isFalse(); // Azure DevOps leaves isFolder out for a file
    assertThat(file.objectId()).isEqualTo("61a86fdaa79e5c6f5fb6e4026508489feb6ed92c");
    assertThat(file.commitId()).isEqualTo("23d0bc5b128a10056dc68afece360d8a0fabb014");
  }
}
