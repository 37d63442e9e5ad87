package io.adoconnect.simulator.release;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.SimulatedUser;

/** What a {@code ReleaseStartMetadata} body asks for, once checked. */
record ReleaseInput(
    String description, String artifactVersion, JsonNode variables, SimulatedUser user) {}
