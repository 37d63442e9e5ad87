/**
 * Azure DevOps Build REST area ({@code {project}/_apis/build/}): build definitions, queueing a
 * build, reading and listing builds, and following one to completion. {@link
 * io.adoconnect.builds.ProjectBuilds} is the API front-ends use.
 */
package io.adoconnect.builds;
