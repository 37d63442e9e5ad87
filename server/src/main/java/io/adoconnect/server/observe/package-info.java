/**
 * What an operator watches a running service by: a request id on every request and log line, one
 * access log line per request, and {@code /metrics} in Prometheus' text format.
 */
package io.adoconnect.server.observe;
