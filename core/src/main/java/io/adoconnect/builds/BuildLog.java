package io.adoconnect.builds;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One log of a build (a step's output), as {@code GET builds/{id}/logs} lists it; its lines come
 * from {@link ProjectBuilds#logLines}.
 *
 * @param id 1-based, in the order the steps ran
 * @param type {@code Container} for a step's log
 * @param lineCount how many lines the log has now (it grows while the build runs)
 * @param createdOn ISO-8601, as Azure DevOps sends it
 * @param lastChangedOn ISO-8601
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuildLog(
    int id, String type, int lineCount, String createdOn, String lastChangedOn) {}
