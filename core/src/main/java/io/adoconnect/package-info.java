/**
 * ado-connect's exception family. Every failure a caller can act on is one subtype of {@link
 * io.adoconnect.AdoConnectException}; the CLI maps them to exit codes, the service to HTTP
 * statuses.
 */
package io.adoconnect;
