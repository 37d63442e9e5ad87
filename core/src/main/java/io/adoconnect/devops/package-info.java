/**
 * The vocabulary every Azure DevOps area shares: where an organization or Server collection lives
 * ({@link io.adoconnect.devops.Organization}, {@link io.adoconnect.devops.AzureDevOpsEndpoints}),
 * which REST {@link io.adoconnect.devops.ApiVersion} it speaks, and small identifier records.
 */
package io.adoconnect.devops;
