/**
 * Azure DevOps Git REST area, working on a repository: refs ({@code refs}), file content ({@code
 * items}) and commit statuses ({@code commits/{id}/statuses}).
 */
package io.adoconnect.git;
