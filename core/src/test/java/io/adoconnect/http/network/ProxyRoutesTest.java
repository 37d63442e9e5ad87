package io.adoconnect.http.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProxyRoutesTest {
  private static final Properties NO_JVM_PROXY = new Properties();

  @Test
  void httpsCallsTakeHttpsProxyAndHttpCallsHttpProxyLowercaseFirst() {
    ProxyRoutes routes =
        ProxyRoutes.from(
            Map.of(
                "https_proxy", "http://10.0.0.11:3128",
                "HTTPS_PROXY", "http://10.0.0.12:1",
                "HTTP_PROXY", "10.0.0.13:8080"),
            NO_JVM_PROXY);
    assertThat(routes.select(URI.create("https://dev.azure.com/org")))
        .containsExactly(proxy("10.0.0.11", 3128));
    assertThat(routes.select(URI.create("http://tfs.example.com/tfs")))
        .containsExactly(proxy("10.0.0.13", 8080));
  }

  @Test
  void allProxyCoversBothAndAMissingPortIsCurlsDefault() {
    ProxyRoutes routes = ProxyRoutes.from(Map.of("ALL_PROXY", "10.0.0.14"), NO_JVM_PROXY);
    assertThat(routes.select(URI.create("https://dev.azure.com")))
        .containsExactly(proxy("10.0.0.14", 1080));
  }

  @Test
  void noProxyHostsAndLoopbackGoDirect() {
    ProxyRoutes routes =
        ProxyRoutes.from(
            Map.of("HTTPS_PROXY", "http://10.0.0.15:3128", "NO_PROXY", ".corp.example"),
            NO_JVM_PROXY);
    assertThat(routes.select(URI.create("https://tfs.corp.example/tfs")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(routes.select(URI.create("https://127.0.0.1:8443/")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(routes.select(URI.create("https://localhost/"))).containsExactly(Proxy.NO_PROXY);
    assertThat(routes.select(URI.create("https://dev.azure.com/")))
        .containsExactly(proxy("10.0.0.15", 3128));
  }

  @Test
  void withoutVariablesEverythingIsDirect() {
    ProxyRoutes routes = ProxyRoutes.from(Map.of(), NO_JVM_PROXY);
    assertThat(routes.usesProxy()).isFalse();
    assertThat(routes.select(URI.create("https://dev.azure.com/"))).containsExactly(Proxy.NO_PROXY);
    assertThat(routes.basicCredentialsFor(URI.create("https://dev.azure.com/"))).isEmpty();
  }

  @Test
  void credentialsGoToTheConfiguredProxyOnlyAndNeverShow() {
    ProxyRoutes routes =
        ProxyRoutes.from(
            Map.of(
                "HTTPS_PROXY", "http://alice%40corp:p%3Ass+w0rd@10.0.0.16:3128",
                "NO_PROXY", "tfs.corp.example"),
            NO_JVM_PROXY);

    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("alice@corp:p:ss+w0rd".getBytes(StandardCharsets.UTF_8));
    assertThat(routes.basicCredentialsFor(URI.create("https://dev.azure.com/org")))
        .contains(expected);
    // Direct calls and plain-HTTP calls (no HTTP_PROXY) carry no proxy credentials.
    assertThat(routes.basicCredentialsFor(URI.create("https://tfs.corp.example/tfs"))).isEmpty();
    assertThat(routes.basicCredentialsFor(URI.create("http://dev.azure.com/org"))).isEmpty();
    assertThat(routes.basicCredentialsFor(URI.create("https://localhost/"))).isEmpty();
    assertThat(routes.toString()).doesNotContain("alice").doesNotContain("w0rd");
    assertThat(routes.proxyFor(URI.create("https://dev.azure.com")))
        .contains("http://10.0.0.16:3128 (from HTTPS_PROXY)");
  }

  @Test
  void aSocksProxyIsRefusedWithoutShowingItsPassword() {
    assertThatThrownBy(
            () ->
                ProxyRoutes.from(
                    Map.of("HTTPS_PROXY", "socks5://bob:hunter2@proxy:1080"), NO_JVM_PROXY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("HTTPS_PROXY names a socks5:// proxy")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void theJvmsProxySettingsWinOverTheEnvironment() {
    Properties jvm = new Properties();
    jvm.setProperty("https.proxyHost", "jvm-proxy.example.com");
    jvm.setProperty("https.proxyPort", "8888");
    jvm.setProperty("https.proxyUser", "carol");
    jvm.setProperty("https.proxyPassword", "pw");
    ProxyRoutes routes = ProxyRoutes.from(Map.of("HTTPS_PROXY", "http://env-proxy:3128"), jvm);

    assertThat(routes.toString()).contains("JVM");
    assertThat(routes.usesProxy()).isTrue();
    // Java's default selector decides (it reads the real system properties).
    assertThat(routes.select(URI.create("https://dev.azure.com/")))
        .isEqualTo(ProxySelector.getDefault().select(URI.create("https://dev.azure.com/")));
    assertThat(routes.basicCredentialsFor(URI.create("https://dev.azure.com/"))).isEmpty();
  }

  private static Proxy proxy(String host, int port) {
    return new Proxy(Proxy.Type.HTTP, new InetSocketAddress(host, port));
  }
}
