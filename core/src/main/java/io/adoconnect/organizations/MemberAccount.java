package io.adoconnect.organizations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One organization the user is a member of; {@code accountName} is the org in dev.azure.com/{org}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberAccount(String accountId, String accountName, String accountUri) {}
