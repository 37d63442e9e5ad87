package io.adoconnect.workitems;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NotFoundException;
import io.adoconnect.devops.ApiVersion;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Urls;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Azure DevOps work item tracking REST area: WIQL, batch reads, JSON Patch writes, comments.
 * Front-ends reach it through {@link ProjectWorkItems} and {@link OrganizationWorkItems}, which add
 * field names, limits and conflicts.
 */
public final class WorkItemsClient {
  /** Azure DevOps reads at most this many work items per call. */
  public static final int BATCH_SIZE = 200;

  private static final String JSON_PATCH = "application/json-patch+json";
  private static final Set<String> NUMERIC_FIELDS =
      Set.of(
          "Microsoft.VSTS.Common.Priority",
          "Microsoft.VSTS.Scheduling.StoryPoints",
          "Microsoft.VSTS.Scheduling.RemainingWork",
          "Microsoft.VSTS.Scheduling.OriginalEstimate",
          "Microsoft.VSTS.Scheduling.CompletedWork");

  /**
   * Batches read at once after a query: a 20,000-item result is 100 batches, which one after
   * another cost 100 round trips.
   */
  public static final int DEFAULT_PARALLELISM = 8;

  private final AzureDevOpsHttp http;
  private final int parallelism;

  /** The client the calls go through: its credential says what it may do. */
  AzureDevOpsHttp http() {
    return http;
  }

  public WorkItemsClient(AzureDevOpsHttp http) {
    this(http, DEFAULT_PARALLELISM);
  }

  /** With {@code parallelism} batches read at once (1: one after another). */
  public WorkItemsClient(AzureDevOpsHttp http, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
    this.http = http;
    this.parallelism = parallelism;
  }

  private static Urls wit(Organization org, String project) {
    Urls url = Urls.at(org.baseUrl());
    if (project != null) {
      url.segment(project);
    }
    return url.path("_apis/wit");
  }

  /**
   * Runs a WIQL query and reads the matching work items in WIQL's order, {@value #BATCH_SIZE} a
   * call, with {@code fields} (none: the query's columns).
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/wit/wiql?$top=…, then POST
   * {org}/{project}/_apis/wit/workitemsbatch
   */
  public List<WorkItem> query(
      Organization org, String project, String wiql, List<String> fields, Optional<Integer> top) {
    if (wiql == null || wiql.isBlank()) {
      throw new InvalidInputException(
          "The WIQL query is empty.",
          "Give one, e.g. SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] ="
              + " @project.");
    }
    if (top.filter(n -> n <= 0).isPresent()) {
      throw new InvalidInputException(
          "The number of work items to return must be at least 1.",
          "Leave it out for every match.");
    }
    WiqlResult result =
        http.sendJson(
            "POST",
            wit(org, project)
                .path("wiql")
                .query("$top", top.orElse(null))
                .query("api-version", org.apiVersion())
                .build(),
            Map.of("query", wiql),
            "application/json",
            AccessScope.WORK_READ,
            WiqlResult.class);
    List<Integer> ids = result.workItems().stream().map(WiqlResult.Ref::id).toList();
    List<String> wanted =
        fields.isEmpty()
            ? result.columns().stream().map(WiqlResult.Column::referenceName).toList()
            : fields.stream().map(FieldValue::referenceName).toList();
    List<List<Integer>> batches = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += BATCH_SIZE) {
      batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH_SIZE)));
    }
    Map<Integer, WorkItem> byId = new ConcurrentHashMap<>();
    inParallel(
        batches,
        batch -> {
          Batch answer =
              http.sendJson(
                  "POST",
                  wit(org, project)
                      .path("workitemsbatch")
                      .query("api-version", org.apiVersion())
                      .build(),
                  new BatchRequest(batch, wanted.isEmpty() ? null : wanted, "omit"),
                  "application/json",
                  AccessScope.WORK_READ,
                  Batch.class);
          // errorPolicy=omit: items deleted since the query come back as null and are skipped.
          answer.value().stream().filter(Objects::nonNull).forEach(w -> byId.put(w.id(), w));
        });
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  /** Runs {@code read} on every batch, {@link #parallelism} at a time; the first failure wins. */
  private <T> void inParallel(List<T> batches, Consumer<T> read) {
    if (batches.size() <= 1 || parallelism == 1) {
      batches.forEach(read);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, batches.size()));
    try {
      List<Future<?>> running = new ArrayList<>();
      batches.forEach(batch -> running.add(pool.submit(() -> read.accept(batch))));
      for (Future<?> future : running) {
        future.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading work items", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * One work item, with {@code fields} (none: all).
   *
   * <p>Azure DevOps: GET {org}/_apis/wit/workitems/{id}?fields=…
   */
  public WorkItem get(Organization org, int id, List<String> fields) {
    URI uri =
        wit(org, null)
            .path("workitems")
            .segment(Integer.toString(id))
            .query(
                "fields",
                fields.isEmpty()
                    ? null
                    : String.join(",", fields.stream().map(FieldValue::referenceName).toList()))
            .query("api-version", org.apiVersion())
            .build();
    try {
      return http.get(uri, WorkItem.class, AccessScope.WORK_READ);
    } catch (NotFoundException e) {
      throw missing(e, org, id);
    }
  }

  /**
   * Creates a work item of {@code type} (e.g. {@code Bug}, {@code User Story}).
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/wit/workitems/${type}, JSON Patch
   */
  public WorkItem create(Organization org, String project, String type, List<FieldValue> fields) {
    if (type == null || type.isBlank()) {
      throw new InvalidInputException(
          "No work item type given.", "Name one, e.g. Bug or User Story.");
    }
    URI uri =
        wit(org, project)
            .path("workitems/$" + Urls.encodeSegment(type.strip()))
            .query("api-version", org.apiVersion())
            .build();
    try {
      return http.sendJson(
          "POST",
          uri,
          patch(fields, Optional.empty()),
          JSON_PATCH,
          AccessScope.WORK_WRITE,
          WorkItem.class);
    } catch (NotFoundException e) {
      throw new NotFoundException(
          e.typeKey(),
          "Azure DevOps has no work item type '"
              + type.strip()
              + "' in "
              + org.name()
              + "/"
              + project
              + ": "
              + e.getMessage(),
          "Types depend on the project's process: Agile has Bug, Task, User Story, Feature, Epic"
              + " and Issue; Scrum has Product Backlog Item and Impediment instead of User Story"
              + " and Issue.");
    }
  }

  /**
   * Sets fields on a work item; with {@code expectedRev}, only if nobody changed it since that
   * revision (a JSON Patch {@code test} on {@code /rev}; Azure DevOps answers 412 when it fails,
   * which {@link OrganizationWorkItems} turns into a conflict).
   *
   * <p>Azure DevOps: PATCH {org}/_apis/wit/workitems/{id}, JSON Patch
   */
  public WorkItem update(
      Organization org, int id, List<FieldValue> fields, Optional<Integer> expectedRev) {
    if (fields.isEmpty()) {
      throw new InvalidInputException(
          "Nothing to update.", "Name at least one field to set, e.g. State=Active.");
    }
    URI uri =
        wit(org, null)
            .path("workitems")
            .segment(Integer.toString(id))
            .query("api-version", org.apiVersion())
            .build();
    try {
      return http.sendJson(
          "PATCH",
          uri,
          patch(fields, expectedRev),
          JSON_PATCH,
          AccessScope.WORK_WRITE,
          WorkItem.class);
    } catch (NotFoundException e) {
      throw missing(e, org, id);
    }
  }

  /**
   * Adds a comment.
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/wit/workItems/{id}/comments (7.1-preview.4,
   * 6.0-preview.3 on Server 2020)
   */
  public Comment addComment(Organization org, String project, int id, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("The comment is empty.", "Give its text.");
    }
    try {
      return http.sendJson(
          "POST",
          commentsUrl(org, project, id).build(),
          Map.of("text", text),
          "application/json",
          AccessScope.WORK_WRITE,
          Comment.class);
    } catch (NotFoundException e) {
      throw missing(e, org, id);
    }
  }

  /**
   * The comments on a work item, newest first.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/wit/workItems/{id}/comments
   */
  public List<Comment> comments(Organization org, String project, int id) {
    try {
      CommentList list =
          http.get(commentsUrl(org, project, id).build(), CommentList.class, AccessScope.WORK_READ);
      return list.comments() == null ? List.of() : list.comments();
    } catch (NotFoundException e) {
      throw missing(e, org, id);
    }
  }

  private static Urls commentsUrl(Organization org, String project, int id) {
    ApiVersion version = org.apiVersion();
    // Comments are a preview API: resource version 4 from 7.1, 3 before (Server 2020:
    // 6.0-preview.3).
    ApiVersion preview =
        new ApiVersion(
            version.major(),
            version.minor(),
            version.compareTo(ApiVersion.SERVICES) >= 0 ? "preview.4" : "preview.3");
    return wit(org, project)
        .path("workItems")
        .segment(Integer.toString(id))
        .path("comments")
        .query("api-version", preview);
  }

  /** The JSON Patch document: the optional rev test first, then one op per field. */
  static List<PatchOp> patch(List<FieldValue> fields, Optional<Integer> expectedRev) {
    List<PatchOp> ops = new ArrayList<>();
    expectedRev.ifPresent(rev -> ops.add(new PatchOp("test", "/rev", rev)));
    for (FieldValue field : fields) {
      String path = "/fields/" + field.referenceName();
      if (field.value().isEmpty()) {
        ops.add(new PatchOp("remove", path, null));
      } else {
        ops.add(new PatchOp("add", path, value(field)));
      }
    }
    return ops;
  }

  private static Object value(FieldValue field) {
    if (NUMERIC_FIELDS.contains(field.referenceName())) {
      try {
        return new BigDecimal(field.value().strip());
      } catch (NumberFormatException notANumber) {
        return field.value();
      }
    }
    return field.value();
  }

  private static NotFoundException missing(NotFoundException e, Organization org, int id) {
    return new NotFoundException(
        e.typeKey(),
        "Work item " + id + " was not found in " + org.name() + " (or you cannot read it).",
        "Check the id; a WIQL query in the item's project finds work items.");
  }

  /** One JSON Patch operation. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PatchOp(String op, String path, Object value) {}

  /** The body of {@code workitemsbatch}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record BatchRequest(List<Integer> ids, List<String> fields, String errorPolicy) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Batch(List<WorkItem> value) {
    Batch {
      value = value == null ? List.of() : new ArrayList<>(value);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CommentList(List<Comment> comments) {}

  /** WIQL's answer: the columns asked for and the matching ids, in order. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record WiqlResult(List<Column> columns, List<Ref> workItems) {
    WiqlResult {
      columns = columns == null ? List.of() : columns;
      workItems = workItems == null ? List.of() : workItems;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Column(String referenceName) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ref(int id) {}
  }
}
