package io.adoconnect.http.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoProxyTest {
  @Test
  void loopbackIsAlwaysDirect() {
    for (String host :
        new String[] {
          "localhost", "LOCALHOST.", "api.localhost", "127.0.0.1", "127.9.8.7", "[::1]", "::1"
        }) {
      assertThat(NoProxy.NONE.direct(host, 80)).as(host).isTrue();
    }
    assertThat(NoProxy.NONE.direct("dev.azure.com", 443)).isFalse();
    assertThat(NoProxy.NONE.direct("localhost.example.com", 443)).isFalse();
  }

  @Test
  void aNameMatchesItselfAndItsSubdomainsWithOrWithoutALeadingDot() {
    NoProxy noProxy = NoProxy.parse("example.com, .corp.local");
    assertThat(noProxy.direct("example.com", 443)).isTrue();
    assertThat(noProxy.direct("TFS.Example.com", 443)).isTrue();
    assertThat(noProxy.direct("corp.local", 443)).isTrue();
    assertThat(noProxy.direct("ado.corp.local", 443)).isTrue();
    assertThat(noProxy.direct("notexample.com", 443)).isFalse();
    assertThat(noProxy.direct("dev.azure.com", 443)).isFalse();
  }

  @Test
  void anAsteriskAloneMeansEveryHost() {
    assertThat(NoProxy.parse("*").direct("dev.azure.com", 443)).isTrue();
    assertThat(NoProxy.parse("example.com,*").direct("dev.azure.com", 443)).isTrue();
  }

  @Test
  void addressesAndBlocksMatchAddressLiteralsOnly() {
    NoProxy noProxy = NoProxy.parse("10.0.0.0/8 192.168.1.5,fd00::/8");
    assertThat(noProxy.direct("10.20.30.40", 443)).isTrue();
    assertThat(noProxy.direct("11.0.0.1", 443)).isFalse();
    assertThat(noProxy.direct("192.168.1.5", 80)).isTrue();
    assertThat(noProxy.direct("192.168.1.6", 80)).isFalse();
    assertThat(noProxy.direct("[fd12::1]", 443)).isTrue();
    assertThat(noProxy.direct("10.example.com", 443)).isFalse();
  }

  @Test
  void aPortLimitsTheEntryToThatPort() {
    NoProxy noProxy = NoProxy.parse("tfs.example.com:8080,[fd00::1]:443");
    assertThat(noProxy.direct("tfs.example.com", 8080)).isTrue();
    assertThat(noProxy.direct("tfs.example.com", 443)).isFalse();
    assertThat(noProxy.direct("[fd00::1]", 443)).isTrue();
    assertThat(noProxy.direct("[fd00::1]", 80)).isFalse();
  }

  @Test
  void aMalformedAddressIsNeverLookedUp() {
    // 999.1.1.1 is not an address: it is compared as a name and never sent to DNS.
    assertThat(NoProxy.literal("999.1.1.1")).isNull();
    assertThat(NoProxy.literal("abc:def:xyz")).isNull();
    assertThat(NoProxy.parse("999.1.1.1").direct("999.1.1.1", 80)).isTrue();
  }
}
