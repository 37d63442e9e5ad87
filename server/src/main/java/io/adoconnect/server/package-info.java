/**
 * The HTTP service of {@code ado-connect serve}: the JSON API of DESIGN.md, its OpenAPI document
 * and (later) the integrations page. {@link io.adoconnect.server.ServerApp#create} wires one
 * package per feature — {@code access} (API token, login tickets, cookie sessions with per-tab
 * secrets, the Host allow-list), {@code errors} (one exception → status mapping), {@code
 * connections}, {@code signin}, {@code accounts}, {@code repositories}, {@code sources}, {@code
 * docs} — over one {@link io.adoconnect.connect.AdoConnect}.
 */
package io.adoconnect.server;
