package io.adoconnect.http.network;

import io.adoconnect.AdoConnectException;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.RetryListener;
import java.net.URI;

/**
 * One GET through the transport a process builds from its environment, in a JVM of its own — as the
 * CLI does: Java reads the HTTPS-tunnel authentication setting once per JVM, when its HTTP client
 * first loads, so only a fresh JVM shows what a user gets. Prints the status and body, or the error
 * and its hint.
 */
public final class ProxiedCall {
  private ProxiedCall() {}

  public static void main(String[] args) {
    try {
      ApiResponse response =
          NetworkSettings.fromEnvironment(System.getenv())
              .transport(RetryListener.NONE)
              .send(ApiRequest.get(URI.create(args[0])));
      System.out.println("status " + response.status());
      System.out.println(response.bodyText());
    } catch (AdoConnectException e) {
      System.out.println("error: " + e.getMessage());
      System.out.println("hint: " + e.hint());
      System.exit(4);
    }
  }
}
