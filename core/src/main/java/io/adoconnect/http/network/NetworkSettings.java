package io.adoconnect.http.network;

import io.adoconnect.InvalidInputException;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.JdkHttpTransport;
import io.adoconnect.http.RetryListener;
import io.adoconnect.http.RetryPolicy;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.http.Sleeper;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How ado-connect reaches the network, read once per process from the environment: the proxy route,
 * the trusted certificate authorities, how long one try may wait for an answer ({@code
 * ADO_CONNECT_TIMEOUT}, seconds, default 60) and how long one call may take across its retries
 * ({@code ADO_CONNECT_RETRY_DEADLINE}, seconds, default 150 — two silent tries of 60 s fit, a third
 * would not). {@link #transport(RetryListener)} builds the transport every outbound call uses.
 */
public record NetworkSettings(
    ProxyRoutes proxy,
    TrustedAuthorities trust,
    Duration connectTimeout,
    Duration answerTimeout,
    Duration deadline,
    long maxResponseBytes) {
  private static final Logger log = LoggerFactory.getLogger(NetworkSettings.class);

  public static final String TIMEOUT = "ADO_CONNECT_TIMEOUT";
  public static final String RETRY_DEADLINE = "ADO_CONNECT_RETRY_DEADLINE";

  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(60);
  static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(150);
  static final long DEFAULT_MAX_RESPONSE_BYTES = 64L << 20;

  /**
   * Reads {@code env} and the JVM's system properties.
   *
   * @throws InvalidInputException when a proxy URL, the CA file or a duration is malformed
   */
  public static NetworkSettings fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, System.getProperties(), TrustedAuthorities.SYSTEM_BUNDLES);
  }

  static NetworkSettings fromEnvironment(
      Map<String, String> env, Properties jvm, List<Path> systemBundles) {
    ProxyRoutes proxy = ProxyRoutes.from(env, jvm);
    // Before any HTTP client is built: Java reads the property once, when its client loads.
    proxy.allowBasicForTunnels();
    Duration answer = seconds(env, TIMEOUT, DEFAULT_ANSWER_TIMEOUT);
    Duration deadline = seconds(env, RETRY_DEADLINE, DEFAULT_DEADLINE);
    if (deadline.compareTo(answer) < 0) {
      throw new InvalidInputException(
          RETRY_DEADLINE + " is shorter than " + TIMEOUT + ", so no call could finish.",
          "Set " + RETRY_DEADLINE + " to at least " + TIMEOUT + " (in seconds).");
    }
    NetworkSettings settings =
        new NetworkSettings(
            proxy,
            TrustedAuthorities.from(env, systemBundles),
            answer.compareTo(DEFAULT_CONNECT_TIMEOUT) < 0 ? answer : DEFAULT_CONNECT_TIMEOUT,
            answer,
            deadline,
            DEFAULT_MAX_RESPONSE_BYTES);
    log.debug(
        "network: {}; {}; {} s per try, {} s per call",
        proxy,
        settings.trust(),
        answer.toMillis() / 1000.0,
        deadline.toMillis() / 1000.0);
    return settings;
  }

  /**
   * The transport for every outbound call: the JDK client with this proxy and these authorities,
   * retries bounded by the deadline (each told to {@code listener}), and errors that name the proxy
   * or the certificate problem.
   */
  public HttpTransport transport(RetryListener listener) {
    return transport(listener, Sleeper.REAL, Clock.systemUTC(), RetryPolicy.DEFAULT);
  }

  HttpTransport transport(RetryListener listener, Sleeper sleeper, Clock clock, RetryPolicy base) {
    HttpTransport jdk =
        new JdkHttpTransport(connectTimeout, answerTimeout, maxResponseBytes, this::configure);
    // Outermost, so a 407 answer is explained once, not retried, and a summary keeps its cause.
    return new NetworkErrors(
        new RetryingTransport(
            new ProxyAuthorization(jdk, proxy),
            base.withDeadline(deadline),
            sleeper,
            clock,
            answerTimeout,
            listener),
        proxy);
  }

  /**
   * Applies the proxy and the trusted authorities where the client is built (the proxy's
   * credentials travel with each request instead, see {@link ProxyAuthorization}).
   */
  void configure(HttpClient.Builder builder) {
    builder.proxy(proxy);
    builder.sslContext(trust.sslContext());
  }

  private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      BigDecimal seconds = new BigDecimal(value.trim());
      if (seconds.signum() > 0 && seconds.compareTo(BigDecimal.valueOf(86_400)) <= 0) {
        return Duration.ofMillis(seconds.movePointRight(3).longValue());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(
        name + " must be a number of seconds between 0 and 86400, not '" + value.trim() + "'.",
        "Set " + name + " to a number of seconds, for example " + fallback.toSeconds() + ".");
  }
}
