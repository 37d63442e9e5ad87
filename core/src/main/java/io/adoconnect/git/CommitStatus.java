package io.adoconnect.git;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A commit status (Azure DevOps GitStatus) as listed or returned on creation. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommitStatus(
    Integer id,
    String state,
    String description,
    String targetUrl,
    StatusContext context,
    String creationDate) {}
