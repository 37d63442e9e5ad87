package io.adoconnect.simulator.build;

import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;

/**
 * A build definition (also a YAML pipeline with the same id) bound to one repository and built from
 * {@code azure-pipelines.yml} on its default branch.
 *
 * @param path the folder, {@code \} for the root
 */
public record BuildDefinition(
    int id, String name, String path, int revision, Project project, Repository repository) {}
