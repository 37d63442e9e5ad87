/**
 * How ado-connect reaches hosts on an enterprise network: the forward proxy from {@code
 * HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY} or the JVM's proxy properties, an internal
 * certificate authority ({@code ADO_CONNECT_CA_FILE} and the system trust store), the timeouts and
 * the retry deadline — and the errors that name what went wrong on the way. Everything here is
 * applied where the JDK {@code HttpClient} is built, so every call (Azure DevOps, Entra, the
 * release host) takes the same route.
 */
package io.adoconnect.http.network;
