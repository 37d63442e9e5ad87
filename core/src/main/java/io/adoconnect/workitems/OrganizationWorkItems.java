package io.adoconnect.workitems;

import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.ConflictException;
import io.adoconnect.NextStep;
import io.adoconnect.NotFoundException;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.AzureDevOpsHttp;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Work items by id in one resolved organization (or collection), where their ids are unique:
 * reading one and updating it, optionally only while it is still at the revision the caller read.
 * Reached through {@code ado.organization(ref).workItems()}, and by {@link ProjectWorkItems} for
 * the same calls.
 *
 * <pre>{@code
 * WorkItem item = ado.organization(ref).workItems().get(42, List.of("Title", "State"));
 * ado.organization(ref).workItems().update(42, FieldValue.parseAll(List.of("State=Active")),
 *     Optional.of(item.rev()));   // ConflictException when someone changed it first
 * }</pre>
 */
public final class OrganizationWorkItems {
  private final Organization org;
  private final WorkItemsClient client;

  public OrganizationWorkItems(AzureDevOpsHttp http, Organization org) {
    this(new WorkItemsClient(http), org);
  }

  OrganizationWorkItems(WorkItemsClient client, Organization org) {
    this.client = Objects.requireNonNull(client, "client");
    this.org = Objects.requireNonNull(org, "org");
  }

  /**
   * One work item, with {@code fields} (reference names or shorthands such as {@code Title}; none
   * or null: all).
   *
   * <p>Azure DevOps: GET {org}/_apis/wit/workitems/{id}?fields=…
   */
  public WorkItem get(int id, List<String> fields) {
    client.http().require(AccessScope.WORK_READ);
    return client.get(org, id, FieldValue.names(fields));
  }

  /**
   * Sets fields on a work item. With {@code expectedRev}, only if it is still at that revision:
   * when someone changed it first (Azure DevOps answers 412 to the JSON Patch {@code test} on
   * {@code /rev}), nothing is changed and a {@link ConflictException} names the current revision.
   *
   * <p>Azure DevOps: PATCH {org}/_apis/wit/workitems/{id}, JSON Patch
   */
  public WorkItem update(int id, List<FieldValue> fields, Optional<Integer> expectedRev) {
    client.http().require(AccessScope.WORK_WRITE);
    try {
      return client.update(org, id, fields, expectedRev);
    } catch (NotFoundException e) {
      throw e;
    } catch (AzureDevOpsApiException e) {
      if (!isConflict(e, expectedRev)) {
        throw e;
      }
      int current = currentRevision(id).orElse(-1);
      if (expectedRev.isPresent() && current == expectedRev.get()) {
        // Still at the expected revision: the failure was about something else.
        throw e;
      }
      throw conflict(id, expectedRev, current, e);
    }
  }

  /**
   * A 412 is always a stale revision; a 409, or a 400 that says the {@code test} operation failed,
   * only when this call sent one.
   */
  private static boolean isConflict(AzureDevOpsApiException e, Optional<Integer> expectedRev) {
    if (e.status() == 412) {
      return true;
    }
    if (expectedRev.isEmpty()) {
      return false;
    }
    String type = e.typeKey() == null ? "" : e.typeKey();
    String message = e.getMessage() == null ? "" : e.getMessage();
    return e.status() == 409
        || (e.status() == 400
            && (type.contains("RevisionMismatch") || message.contains("test operation")));
  }

  private Optional<Integer> currentRevision(int id) {
    try {
      return Optional.of(client.get(org, id, List.of("System.Rev")).rev());
    } catch (AzureDevOpsApiException unreadable) {
      return Optional.empty();
    }
  }

  private static ConflictException conflict(
      int id, Optional<Integer> expectedRev, int current, AzureDevOpsApiException e) {
    String now = current < 0 ? null : Integer.toString(current);
    return new ConflictException(
        e.status(),
        e.typeKey(),
        "Work item "
            + id
            + " changed since revision "
            + expectedRev.map(String::valueOf).orElse("you read")
            + (now == null ? "" : " (it is at revision " + now + " now)")
            + "; nothing was updated.",
        NextStep.of(
            NextStep.Action.REFRESH_AND_RETRY,
            "Read work item "
                + id
                + " again and re-apply your change on "
                + (now == null ? "its current revision." : "revision " + now + "."),
            "workItem",
            Integer.toString(id),
            "current",
            now));
  }
}
