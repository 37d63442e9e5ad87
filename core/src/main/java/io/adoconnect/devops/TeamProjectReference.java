package io.adoconnect.devops;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A project as other resources name it: its id and its name (names carry spaces and Unicode). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TeamProjectReference(String id, String name) {}
