/**
 * The use cases the CLI and the service both call ({@link io.adoconnect.connect.AdoConnect}):
 * connect and test a PAT, list accounts and repositories, add and remove sources, disconnect.
 */
package io.adoconnect.connect;
