package io.adoconnect.simulator.wit;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Work items per collection, ids counting from 1 across the collection (unique per organization, as
 * in Azure DevOps). Each project starts with {@link #SEEDED_PER_PROJECT} items, the same for a
 * given dataset. One lock per collection keeps reads and updates consistent.
 */
public final class WorkItemStore {
  static final int SEEDED_PER_PROJECT = 6;
  private static final Instant SEEDED_AT = Instant.parse("2024-02-01T09:00:00Z");
  private static final String[] TYPES = {"Bug", "Task", "User Story", "Bug", "Feature", "Task"};
  private static final String[] STATES = {"Active", "New", "Active", "Closed", "New", "Active"};
  private static final String[] TITLES = {
    "Sign-in page loops after the session expires",
    "Add retry to the nightly export",
    "As a user I can reset my password",
    "Crash when the upload is empty",
    "Dark mode for the dashboard",
    "Update the release notes template"
  };

  private final SimulatedUser seedUser;
  private final Map<String, Items> byCollection = new ConcurrentHashMap<>();

  public WorkItemStore(SimulatedUser seedUser) {
    this.seedUser = seedUser;
  }

  /** The items of one collection and the next id; guarded by itself. */
  static final class Items {
    final TreeMap<Integer, WorkItem> byId = new TreeMap<>();
    int nextId = 1;
  }

  /** Runs {@code action} holding the collection's lock. */
  <T> T locked(Collection collection, Function<Items, T> action) {
    Items items = byCollection.computeIfAbsent(collection.name(), n -> seed(collection));
    synchronized (items) {
      return action.apply(items);
    }
  }

  Optional<WorkItem> find(Items items, int id) {
    return Optional.ofNullable(items.byId.get(id));
  }

  /**
   * Test hook: adds {@code count} Tasks titled {@code Bulk item n} to a project (e.g. to pass
   * WIQL's 20,000-result limit).
   */
  public void addBulk(Collection collection, Project project, int count, SimulatedUser user) {
    locked(
        collection,
        items -> {
          for (int i = 0; i < count; i++) {
            WorkItem item = newItem(items, project, "Task", "New", user, SEEDED_AT);
            item.fields.put(WorkItemFields.TITLE, TextNode.valueOf("Bulk item " + (i + 1)));
          }
          return null;
        });
  }

  /** A new item at rev 1 with the fields Azure DevOps fills in; the caller adds the rest. */
  WorkItem newItem(
      Items items, Project project, String type, String state, SimulatedUser user, Instant at) {
    WorkItem item = new WorkItem(items.nextId++, project);
    item.fields.put("System.AreaPath", TextNode.valueOf(project.name()));
    item.fields.put(WorkItemFields.PROJECT, TextNode.valueOf(project.name()));
    item.fields.put("System.IterationPath", TextNode.valueOf(project.name()));
    item.fields.put(WorkItemFields.TYPE, TextNode.valueOf(type));
    item.fields.put(WorkItemFields.STATE, TextNode.valueOf(state));
    item.fields.put("System.Reason", TextNode.valueOf("New"));
    item.fields.put("System.CreatedDate", TextNode.valueOf(Json.timestamp(at)));
    item.fields.put("System.CreatedBy", Json.identityRef(user));
    item.fields.put("System.ChangedDate", TextNode.valueOf(Json.timestamp(at)));
    item.fields.put("System.ChangedBy", Json.identityRef(user));
    item.fields.put(WorkItemFields.COMMENT_COUNT, IntNode.valueOf(0));
    item.fields.put("Microsoft.VSTS.Common.Priority", IntNode.valueOf(2));
    items.byId.put(item.id, item);
    return item;
  }

  private Items seed(Collection collection) {
    Items items = new Items();
    for (Project project : collection.projects()) {
      for (int i = 0; i < SEEDED_PER_PROJECT; i++) {
        Instant at = SEEDED_AT.plus(Duration.ofHours(items.nextId));
        WorkItem item = newItem(items, project, TYPES[i], STATES[i], seedUser, at);
        item.fields.put(WorkItemFields.TITLE, TextNode.valueOf(TITLES[i]));
      }
    }
    return items;
  }

  /** Ids of {@code items}, in ascending order (for tests and the WIQL evaluator). */
  static List<WorkItem> all(Items items) {
    return new ArrayList<>(items.byId.values());
  }
}
