package io.adoconnect.git;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A file or folder in a repository at one commit (Azure DevOps GitItem, as {@code items} lists it).
 *
 * @param path from the repository root with a leading {@code /}, e.g. {@code /src/app.js}
 * @param objectId the blob or tree id (40 hex)
 * @param gitObjectType {@code blob} for a file, {@code tree} for a folder ({@code commit} for a
 *     submodule)
 * @param commitId the commit the listing was read at
 * @param isFolder true for a folder; Azure DevOps leaves the field out for a file
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GitItem(
    String path, String objectId, String gitObjectType, String commitId, boolean isFolder) {}
