package io.adoconnect.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.connect.OrganizationHandle;
import io.adoconnect.connect.ProjectHandle;
import io.adoconnect.connect.RepositoryHandle;
import io.adoconnect.http.Json;

/**
 * The {@code where} object of every answer: which connected account acted, on which organization
 * (or Server collection, with its URL, since two Servers can share a collection name), project and
 * repository.
 */
final class Where {
  private Where() {}

  static ObjectNode of(OrganizationHandle org) {
    ObjectNode where = Json.MAPPER.createObjectNode();
    where.put("account", org.account().id());
    where.put("organization", org.organization().name());
    where.put("organizationUrl", org.organization().baseUrl().toString());
    return where;
  }

  static ObjectNode of(ProjectHandle project) {
    ObjectNode where = Json.MAPPER.createObjectNode();
    where.put("account", project.account().id());
    where.put("organization", project.organization().name());
    where.put("organizationUrl", project.organization().baseUrl().toString());
    where.put("project", project.project());
    return where;
  }

  static ObjectNode of(RepositoryHandle repo) {
    ObjectNode where = of(repo.project());
    where.put("repository", repo.ref().repository());
    return where;
  }

  /** A new answer body that starts with {@code where}. */
  static ObjectNode body(ObjectNode where) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("where", where);
    return body;
  }
}
