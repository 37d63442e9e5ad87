package io.adoconnect.simulator.http;

import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Deployment;
import io.adoconnect.simulator.data.SimulatedUser;
import java.net.URI;

/**
 * Where on the simulator's URL layout a request landed.
 *
 * @param root the simulator's own address, e.g. {@code http://127.0.0.1:41234}
 * @param basePath path of the organization/collection, e.g. {@code /org-001}, {@code
 *     /tfs/DefaultCollection}; empty for the vssps host
 * @param collection the organization or collection, {@code null} for the vssps host and the Server
 *     deployment level
 */
public record Scope(
    Kind kind, URI root, String basePath, Collection collection, SimulatedUser user) {

  /** The hosts and levels the simulator imitates. */
  public enum Kind {
    /** The global profile/accounts host ({@code /_apis/...}). */
    VSSPS,
    /** An Azure DevOps Services organization ({@code /org-001/...}). */
    ORGANIZATION,
    /**
     * The Azure DevOps Server collection ({@code /tfs/DefaultCollection/...} or {@code
     * /DefaultCollection/...}).
     */
    SERVER_COLLECTION,
    /** The Azure DevOps Server deployment level ({@code /tfs/_apis/...}). */
    SERVER_DEPLOYMENT
  }

  /** Product imitated at this scope. */
  public Deployment deployment() {
    return kind == Kind.SERVER_COLLECTION || kind == Kind.SERVER_DEPLOYMENT
        ? Deployment.SERVER
        : Deployment.SERVICES;
  }

  /** Base URL without trailing slash, e.g. {@code http://127.0.0.1:41234/org-001}. */
  public String baseUrl() {
    return rootUrl() + basePath;
  }

  /** The simulator's address without trailing slash. */
  public String rootUrl() {
    return root.toString();
  }

  /** {@code host:port} of the simulator. */
  public String authority() {
    return root.getRawAuthority();
  }

  /** IIS virtual directory of a Server layout: {@code /tfs/} or {@code /}. */
  public String webApplicationRelativeDirectory() {
    return basePath.startsWith("/tfs") ? "/tfs/" : "/";
  }
}
