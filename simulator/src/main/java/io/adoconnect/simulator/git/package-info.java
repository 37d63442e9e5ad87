/**
 * Git content inside repositories: refs, items (file content) and commit statuses, generated
 * deterministically from each repository, statuses kept in memory.
 */
package io.adoconnect.simulator.git;
