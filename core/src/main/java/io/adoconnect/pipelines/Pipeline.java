package io.adoconnect.pipelines;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A pipeline (Azure DevOps {@code Pipeline}).
 *
 * @param folder {@code \} for the root
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Pipeline(int id, String name, String folder, int revision, String url) {}
