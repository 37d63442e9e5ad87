package io.adoconnect.workitems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.ConflictException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.NotFoundException;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import io.adoconnect.devops.ApiVersion;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link WorkItemsClient} against the simulator: results and the requests behind them. */
class WorkItemsClientTest {
  private static Simulator simulator;
  private static Organization services;
  private static Organization server;
  private static WorkItemsClient workItems;
  private static AzureDevOpsHttp http;
  private static final List<ApiRequest> sent = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.builder().orgs(1).build());
    services = Organization.services(AzureDevOpsEndpoints.allAt(simulator.baseUri()), "org-001");
    server =
        Organization.server(
            URI.create(simulator.baseUri() + "/tfs"),
            "DefaultCollection",
            new ApiVersion(6, 0, null));
    HttpTransport standard = RetryingTransport.standard();
    HttpTransport recording =
        request -> {
          sent.add(request);
          return standard.send(request);
        };
    http =
        new AzureDevOpsHttp(
            recording, PatCredential.of(Secret.of(simulator.config().pat()), false));
    workItems = new WorkItemsClient(http);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @BeforeEach
  void clear() {
    sent.clear();
  }

  private static String project(int index) {
    return simulator.dataset().organizations().get(0).projects().get(index).name();
  }

  @Test
  void aQueryReadsItsItemsTwoHundredAtATimeInWiqlOrder() {
    String project = project(3);
    simulator.addWorkItems("org-001", project, 450);

    List<WorkItem> items =
        workItems.query(
            services,
            project,
            "SELECT [System.Id], [System.Title] FROM WorkItems WHERE [System.TeamProject] ="
                + " @project AND [System.Title] CONTAINS 'Bulk' ORDER BY [System.Id] DESC",
            List.of(),
            Optional.empty());

    assertThat(items).hasSize(450);
    // Batches are read in parallel; the answer keeps the query's order all the same.
    assertThat(items)
        .extracting(WorkItem::id)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder())
        .doesNotHaveDuplicates();
    assertThat(items.get(0).title()).startsWith("Bulk item");
    assertThat(items.get(0).fields()).containsOnlyKeys("System.Id", "System.Title");
    assertThat(sent.stream().filter(r -> r.uri().getPath().endsWith("/workitemsbatch"))).hasSize(3);
  }

  @Test
  void topAndRequestedFieldsAreHonoured() {
    List<WorkItem> items =
        workItems.query(
            services,
            project(0),
            "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project",
            List.of("Title", "State"),
            Optional.of(2));
    assertThat(items).hasSize(2);
    assertThat(items.get(0).fields()).containsOnlyKeys("System.Title", "System.State");
    assertThat(sent.get(0).uri().getQuery()).contains("$top=2");
  }

  @Test
  void createUpdateAndGetWithShorthandsAndTheRevisionGuard() {
    WorkItem created =
        workItems.create(
            services,
            project(1),
            "User Story",
            List.of(FieldValue.parse("Title=Export as CSV"), FieldValue.parse("Priority=1")));
    assertThat(created.rev()).isEqualTo(1);
    assertThat(created.type()).isEqualTo("User Story");
    assertThat(created.fields().get("Microsoft.VSTS.Common.Priority").isNumber()).isTrue();
    ApiRequest create = sent.get(0);
    assertThat(create.uri().getRawPath()).endsWith("/_apis/wit/workitems/$User%20Story");
    assertThat(create.headers()).containsEntry("Content-Type", "application/json-patch+json");
    assertThat(new String(create.body(), StandardCharsets.UTF_8))
        .contains("{\"op\":\"add\",\"path\":\"/fields/System.Title\",\"value\":\"Export as CSV\"}");

    WorkItem updated =
        workItems.update(
            services, created.id(), List.of(FieldValue.parse("State=Active")), Optional.of(1));
    assertThat(updated.rev()).isEqualTo(2);
    assertThat(updated.state()).isEqualTo("Active");

    assertThat(workItems.get(services, created.id(), List.of()).title()).isEqualTo("Export as CSV");
  }

  @Test
  void aStaleExpectedRevisionIsAConflictNamingTheCurrentRevision() {
    OrganizationWorkItems byId = new OrganizationWorkItems(http, services);
    WorkItem created =
        workItems.create(services, project(1), "Task", List.of(FieldValue.parse("Title=Draft")));
    byId.update(created.id(), FieldValue.of(Map.of("State", "Active")), Optional.of(1));
    byId.update(created.id(), FieldValue.of(Map.of("Tags", "ui")), Optional.empty());
    sent.clear();

    assertThatThrownBy(
            () -> byId.update(created.id(), FieldValue.of(Map.of("Title", "x")), Optional.of(1)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("changed since revision 1")
        .hasMessageContaining("revision 3 now")
        .satisfies(
            e -> {
              NextStep step = ((ConflictException) e).nextStep();
              assertThat(step.action()).isEqualTo(NextStep.Action.REFRESH_AND_RETRY);
              assertThat(step.parameter("current")).isEqualTo("3");
              assertThat(step.parameter("workItem")).isEqualTo(Integer.toString(created.id()));
              assertThat(step.advice()).contains("revision 3").doesNotContain("--");
            });
    assertThat(sent).extracting(ApiRequest::method).containsExactly("PATCH", "GET");
    assertThat(byId.get(created.id(), List.of("Title")).title()).isEqualTo("Draft");
  }

  @Test
  void badInputFailsBeforeAnyRequest() {
    assertThatThrownBy(() -> FieldValue.parse("Colour=blue"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> FieldValue.parse("no equals sign"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> workItems.update(services, 1, List.of(), Optional.empty()))
        .isInstanceOf(InvalidInputException.class);
    assertThat(sent).isEmpty();
  }

  @Test
  void missingItemsAndTypesSayWhatIsMissing() {
    assertThatThrownBy(() -> workItems.get(services, 987654, List.of()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Work item 987654");
    assertThatThrownBy(
            () ->
                workItems.create(
                    services, project(0), "Spaceship", List.of(FieldValue.parse("Title=t"))))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Spaceship")
        .hasMessageContaining("VS402323");
  }

  @Test
  void commentsOnTheServerCollectionUseThePreviewVersion() {
    String project = simulator.dataset().serverCollection().projects().get(0).name();
    int id =
        workItems
            .query(
                server,
                project,
                "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project",
                List.of(),
                Optional.of(1))
            .get(0)
            .id();
    sent.clear();

    Comment added = workItems.addComment(server, project, id, "Looks good");
    List<Comment> comments = workItems.comments(server, project, id);

    assertThat(added.text()).isEqualTo("Looks good");
    assertThat(comments).extracting(Comment::text).containsExactly("Looks good");
    assertThat(sent).allMatch(r -> r.uri().getQuery().contains("api-version=6.0-preview.3"));
  }
}
