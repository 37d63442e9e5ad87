/**
 * Azure DevOps work item tracking REST area ({@code _apis/wit}): WIQL queries, reading work items
 * in batches, creating and updating them with JSON Patch, comments.
 */
package io.adoconnect.workitems;
