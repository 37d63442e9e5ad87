package io.adoconnect.organizations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The signed-in user's profile; {@code id} is the memberId that lists their organizations. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Profile(String id, String displayName, String emailAddress, String publicAlias) {}
