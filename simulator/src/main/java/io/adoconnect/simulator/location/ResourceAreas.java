package io.adoconnect.simulator.location;

import static io.adoconnect.simulator.http.Scope.Kind.ORGANIZATION;
import static io.adoconnect.simulator.http.Scope.Kind.VSSPS;

import java.util.List;
import java.util.Set;

/** The resource-area table (Services only; Server answers an empty list). */
public final class ResourceAreas {

  /** Every area the simulator lists. */
  public static final List<ResourceArea> ALL =
      List.of(
          new ResourceArea(
              "79134c72-4a58-4b42-976c-04e7115f32bf", "core", false, Set.of(ORGANIZATION)),
          new ResourceArea(
              "4e080c62-fa21-4fbc-8fef-2a10a2b38049", "git", false, Set.of(ORGANIZATION)),
          // Release lives on vsrm.dev.azure.com/{org}: on the simulator's one base URL that is the
          // organization itself.
          new ResourceArea(
              "efc2f575-36ef-48e9-b672-0c6fb4a48ac5", "Release", false, Set.of(ORGANIZATION)),
          new ResourceArea(
              "5264459e-e5e0-4bd8-b118-0985e68a4ec5", "wit", false, Set.of(ORGANIZATION)),
          new ResourceArea(
              "965220d5-5bb9-42cf-8d67-9b146df2a5a4", "build", false, Set.of(ORGANIZATION)),
          // The id the Node client looks Pipelines up by (WebApi.getPipelinesApi).
          new ResourceArea(
              "5264459e-e5e0-4bd8-b118-0985e68a4ec5", "pipelines", false, Set.of(ORGANIZATION)),
          new ResourceArea(
              "8ccfef3d-2b87-4e99-8ccb-66e343d2daa8", "Profile", true, Set.of(ORGANIZATION, VSSPS)),
          // Stand-in id: the real Location area id is unverified, and no client looks Location up
          // by area.
          new ResourceArea(
              "2d9a2c1e-5b6f-4c35-9f0e-8f1a4f6d2b7c",
              "Location",
              false,
              Set.of(ORGANIZATION, VSSPS)));

  private ResourceAreas() {}
}
