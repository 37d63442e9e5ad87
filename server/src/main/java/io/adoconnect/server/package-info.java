/** The HTTP API and web page; built in a later issue. */
package io.adoconnect.server;
