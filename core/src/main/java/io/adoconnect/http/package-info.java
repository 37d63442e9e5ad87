/**
 * The HTTP seam: {@link io.adoconnect.http.HttpTransport} and its decorators (retries, pacing),
 * {@link io.adoconnect.http.AzureDevOpsHttp} (auth, headers, JSON, envelopes), paging and the one
 * error factory. The only package that touches {@code java.net.http}.
 */
package io.adoconnect.http;
