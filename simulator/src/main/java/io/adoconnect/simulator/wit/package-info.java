/**
 * Work item tracking: work items per collection (seeded per project, ids unique per organization,
 * revisions counted), a subset of WIQL, JSON Patch updates and comments.
 */
package io.adoconnect.simulator.wit;
