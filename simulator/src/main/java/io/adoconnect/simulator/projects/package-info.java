/**
 * Core area: the projects list (with {@code $top}/{@code $skip}/continuation paging) and single
 * projects.
 */
package io.adoconnect.simulator.projects;
