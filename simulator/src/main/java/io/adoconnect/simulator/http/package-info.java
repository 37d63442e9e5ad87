/**
 * HTTP plumbing shared by all areas: the parsed {@link io.adoconnect.simulator.http.Request}, the
 * {@link io.adoconnect.simulator.http.Response} value, JSON helpers and Azure DevOps' error
 * envelope.
 */
package io.adoconnect.simulator.http;
