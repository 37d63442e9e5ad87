package io.adoconnect.http;

import io.adoconnect.Durations;
import io.adoconnect.TransportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * {@link HttpTransport} over {@code java.net.http}. Redirects are not followed: Azure DevOps
 * redirects an unauthenticated browser-style request to its sign-in page, and following it would
 * turn an authentication failure into a confusing 200 HTML page. Bodies larger than the cap are
 * refused while streaming, so a misbehaving server can't exhaust memory.
 */
public final class JdkHttpTransport implements HttpTransport {
  private final Duration connectTimeout;
  private final Consumer<HttpClient.Builder> network;
  private HttpClient client;
  private final Duration requestTimeout;
  private final long maxResponseBytes;

  public JdkHttpTransport(Duration connectTimeout, Duration requestTimeout, long maxResponseBytes) {
    this(connectTimeout, requestTimeout, maxResponseBytes, builder -> {});
  }

  /**
   * {@code network} adds the route to the client as it is built: proxy, proxy credentials, trusted
   * certificate authorities (see {@code io.adoconnect.http.network.NetworkSettings}).
   */
  public JdkHttpTransport(
      Duration connectTimeout,
      Duration requestTimeout,
      long maxResponseBytes,
      Consumer<HttpClient.Builder> network) {
    this.connectTimeout = connectTimeout;
    this.network = network;
    this.requestTimeout = requestTimeout;
    this.maxResponseBytes = maxResponseBytes;
  }

  /** 10 s to connect, 60 s for an answer, 64 MiB per body (an organization with ~50,000 repos). */
  public static JdkHttpTransport withDefaults() {
    return new JdkHttpTransport(Duration.ofSeconds(10), Duration.ofSeconds(60), 64L << 20);
  }

  @Override
  public ApiResponse send(ApiRequest request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(requestTimeout)
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(builder::header);
    if (!request.headers().containsKey("Accept-Encoding")) {
      // Azure DevOps compresses on request: a 1,000-repository listing shrinks about tenfold.
      builder.header("Accept-Encoding", "gzip");
    }
    try {
      HttpResponse<byte[]> response =
          client().send(builder.build(), info -> new CappedBody(maxResponseBytes));
      byte[] body = response.body();
      if (response
          .headers()
          .firstValue("Content-Encoding")
          .filter(e -> e.equalsIgnoreCase("gzip"))
          .isPresent()) {
        body = gunzip(body);
      }
      return new ApiResponse(
          response.statusCode(), withoutEncoding(response.headers().map()), body);
    } catch (HttpConnectTimeoutException e) {
      throw unreachable(request, "connecting timed out", e);
    } catch (HttpTimeoutException e) {
      throw new TransportException(
          request.uri().getHost()
              + " did not answer within "
              + Durations.words(requestTimeout)
              + " ("
              + request
              + ").",
          "Azure DevOps may be slow or unreachable from here; try again, or check proxies and firewalls.",
          e);
    } catch (ConnectException | UnknownHostException | ClosedChannelException e) {
      throw unreachable(request, "the connection failed", e);
    } catch (IOException e) {
      ResponseTooLargeException tooLarge = tooLarge(e);
      if (tooLarge != null) {
        throw new TransportException(
            "The response to "
                + request
                + " is larger than "
                + tooLarge.limit
                + " bytes; ado-connect refused it.",
            "This protects ado-connect from a misbehaving server; check the URL points at Azure DevOps.",
            tooLarge);
      }
      throw unreachable(
          request,
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(
          "Interrupted while waiting for " + request + ".", io.adoconnect.NextStep.NONE, e);
    }
  }

  /**
   * The client, built on the first request: building it sets up TLS (the trust store, the SSL
   * context, a selector thread), which a command that never calls out doesn't need to pay for.
   */
  private synchronized HttpClient client() {
    if (client == null) {
      HttpClient.Builder builder =
          HttpClient.newBuilder()
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .version(HttpClient.Version.HTTP_1_1);
      network.accept(builder);
      client = builder.build();
    }
    return client;
  }

  /**
   * Inflates a gzip body, holding the inflated size to the same cap, so a small bomb can't blow up.
   */
  private byte[] gunzip(byte[] compressed) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      byte[] inflated = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxResponseBytes + 1));
      if (inflated.length > maxResponseBytes) {
        throw new IOException(new ResponseTooLargeException(maxResponseBytes));
      }
      return inflated;
    }
  }

  /** The body handed on is decoded, so its encoding header no longer describes it. */
  private static Map<String, List<String>> withoutEncoding(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    copy.remove("Content-Encoding");
    copy.remove("Content-Length");
    return copy;
  }

  private static ResponseTooLargeException tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ResponseTooLargeException tooLarge) {
        return tooLarge;
      }
    }
    return null;
  }

  private static TransportException unreachable(ApiRequest request, String what, Exception cause) {
    return new TransportException(
        "Could not reach "
            + request.uri().getScheme()
            + "://"
            + request.uri().getAuthority()
            + " ("
            + what
            + ").",
        "Check the URL, your network connection and any proxy, then try again.",
        cause);
  }

  private static final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;

    ResponseTooLargeException(long limit) {
      super("response body exceeds " + limit + " bytes");
      this.limit = limit;
    }
  }

  /**
   * Collects the body but fails as soon as it grows past the cap, instead of after buffering it.
   */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final HttpResponse.BodySubscriber<byte[]> delegate =
        HttpResponse.BodySubscribers.ofByteArray();
    private final long limit;
    private long received;
    private Flow.Subscription subscription;

    CappedBody(long limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return delegate.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      delegate.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer item : items) {
        received += item.remaining();
      }
      if (received > limit) {
        subscription.cancel();
        delegate.onError(new ResponseTooLargeException(limit));
        return;
      }
      delegate.onNext(items);
    }

    @Override
    public void onError(Throwable throwable) {
      delegate.onError(throwable);
    }

    @Override
    public void onComplete() {
      delegate.onComplete();
    }
  }
}
