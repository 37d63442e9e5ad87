package io.adoconnect.http;

/**
 * The Azure DevOps scope a call needs, as the token page names it and as OAuth spells it. Errors
 * for refused calls name it, so a user knows which box to tick on a new token.
 */
public enum AccessScope {
  CODE_READ("Code (Read)", "vso.code"),
  CODE_WRITE("Code (Read & write)", "vso.code_write"),
  CODE_STATUS("Code (Status)", "vso.code_status"),
  BUILD_READ("Build (Read)", "vso.build"),
  BUILD_EXECUTE("Build (Read & execute)", "vso.build_execute"),
  RELEASE_READ("Release (Read)", "vso.release"),
  RELEASE_EXECUTE("Release (Read, write & execute)", "vso.release_execute"),
  WORK_READ("Work Items (Read)", "vso.work"),
  WORK_WRITE("Work Items (Read & write)", "vso.work_write"),
  HOOKS_WRITE("Service Hooks (Read & write)", "vso.hooks_write"),
  IDENTITY_READ("Identity (Read)", "vso.identity"),
  /** Who signed in and which organizations they belong to: what a sign-in itself reads. */
  PROFILE_READ("User profile (Read)", "vso.profile"),
  PROJECT_READ("Project and team (Read)", "vso.project");

  private final String label;
  private final String id;

  AccessScope(String label, String id) {
    this.label = label;
    this.id = id;
  }

  /** As the personal access token page shows it, e.g. {@code Build (Read & execute)}. */
  public String label() {
    return label;
  }

  /** As OAuth and the REST docs spell it, e.g. {@code vso.build_execute}. */
  public String id() {
    return id;
  }

  /** The scope OAuth spells {@code id} ({@code vso.code_write}), if ado-connect knows it. */
  public static java.util.Optional<AccessScope> byId(String id) {
    for (AccessScope scope : values()) {
      if (scope.id.equalsIgnoreCase(id)) {
        return java.util.Optional.of(scope);
      }
    }
    return java.util.Optional.empty();
  }

  @Override
  public String toString() {
    return label + " (" + id + ")";
  }
}
