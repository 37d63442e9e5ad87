/**
 * Where the service may connect: {@link io.adoconnect.net.AddressPolicy} refuses loopback, private,
 * link-local, metadata and other internal addresses for URLs a caller supplies (a Server URL today,
 * a webhook URL later), unless the operator allow-lists them ({@link
 * io.adoconnect.net.AllowedTargets}); {@link io.adoconnect.net.CheckedTransport} applies it to
 * every request before it is sent. The CLI, run by one person against their own servers, uses none
 * of this.
 */
package io.adoconnect.net;
