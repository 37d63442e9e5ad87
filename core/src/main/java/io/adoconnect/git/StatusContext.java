package io.adoconnect.git;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a commit status is about (Azure DevOps GitStatusContext): statuses with the same name and
 * genre supersede each other.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusContext(String name, String genre) {}
