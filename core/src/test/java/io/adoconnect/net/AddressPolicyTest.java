package io.adoconnect.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import io.adoconnect.TransportException;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.HttpTransport;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service's address policy, with a resolver that answers from a table and records what it was
 * asked, and a transport that fails the test if anything is sent: no packet leaves this machine.
 */
class AddressPolicyTest {
  private static final Map<String, List<String>> DNS =
      Map.of(
          "tfs.example.com", List.of("93.184.216.34"),
          "tfs.corp.example", List.of("10.1.2.3"),
          "split.example.com", List.of("93.184.216.34", "192.168.1.10"),
          "v6.example.com", List.of("2606:4700::1111"),
          "ula.example.com", List.of("fd12:3456::1"),
          "mapped.example.com", List.of("::ffff:127.0.0.1"),
          "rebind.example.com", List.of("169.254.169.254"));

  private final List<String> asked = new ArrayList<>();
  private final Resolver resolver =
      host -> {
        asked.add(host);
        List<String> addresses = DNS.get(host);
        if (addresses == null) {
          throw new UnknownHostException(host);
        }
        List<InetAddress> out = new ArrayList<>();
        for (String a : addresses) {
          out.add(InetAddress.getByAddress(host, InetAddress.getByName(a).getAddress()));
        }
        return out;
      };

  private static final HttpTransport MUST_NOT_SEND =
      request -> {
        throw new AssertionError("a request was sent to " + request.uri());
      };

  private AddressPolicy policy(String allowed) {
    return new AddressPolicy(AllowedTargets.parse(allowed, AddressPolicy.SETTING), resolver);
  }

  private void refused(AddressPolicy policy, String url) {
    assertThatThrownBy(() -> policy.check(URI.create(url), false))
        .as(url)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a public internet address")
        .satisfies(
            e -> assertThat(((InvalidInputException) e).hint()).contains(AddressPolicy.SETTING));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/tfs",
        "http://127.9.9.9/tfs",
        "http://localhost:8080/tfs",
        "http://LOCALHOST./tfs",
        "http://app.localhost/tfs",
        "http://[::1]:8080/tfs",
        "http://0.0.0.0:8080/tfs",
        "http://[::]/tfs",
        "http://2130706433:8080/tfs",
        "http://0177.0.0.1/tfs",
        "http://0x7f000001/tfs",
        "http://017700000001/tfs",
        "http://127.000.000.001/tfs",
        "http://[::ffff:127.0.0.1]:8080/tfs",
        "http://[::ffff:7f00:1]/tfs",
        "http://[::127.0.0.1]/tfs",
        "http://[64:ff9b::a9fe:a9fe]/tfs",
        "http://[2002:a9fe:a9fe::1]/tfs",
        "http://10.0.0.1/tfs",
        "http://172.16.5.4/tfs",
        "http://172.31.255.255/tfs",
        "http://192.168.0.1/tfs",
        "http://100.64.0.1/tfs",
        "http://100.100.100.200/latest",
        "http://169.254.169.254/latest/meta-data/",
        "http://168.63.129.16/machine",
        "http://[fd00:ec2::254]/latest",
        "http://[fe80::1%25eth0]/tfs",
        "http://[fc00::1]/tfs",
        "http://224.0.0.1/tfs",
        "http://255.255.255.255/tfs",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://metadata/computeMetadata/v1/",
        "https://tfs.corp.example/tfs",
        "https://split.example.com/tfs",
        "https://ula.example.com/tfs",
        "https://mapped.example.com/tfs",
        "https://rebind.example.com/tfs"
      })
  void internalTargetsAreRefusedBeforeAnyConnection(String url) {
    CheckedTransport transport =
        new CheckedTransport(MUST_NOT_SEND, policy(null), List.of(), uri -> false);
    assertThatThrownBy(() -> transport.send(ApiRequest.get(URI.create(url))))
        .as(url)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a public internet address");
  }

  @Test
  void literalsAndInternalNamesAreJudgedWithoutAskingTheResolver() {
    refused(policy(null), "http://169.254.169.254/latest");
    refused(policy(null), "http://metadata.google.internal/");
    refused(policy(null), "http://2130706433/");
    refused(policy(null), "http://[::ffff:127.0.0.1]/");
    assertThat(asked).isEmpty();
  }

  @Test
  void everyAddressOfANameMustBePublic() {
    refused(policy(null), "https://split.example.com/tfs");
    assertThat(asked).containsExactly("split.example.com");
  }

  @Test
  void publicTargetsPass() {
    AddressPolicy policy = policy(null);
    assertThatCode(() -> policy.check(URI.create("https://tfs.example.com/tfs"), false))
        .doesNotThrowAnyException();
    assertThatCode(() -> policy.check(URI.create("https://v6.example.com/tfs"), false))
        .doesNotThrowAnyException();
    assertThatCode(() -> policy.check(URI.create("https://93.184.216.34:8443/tfs"), false))
        .doesNotThrowAnyException();
  }

  @Test
  void theOperatorAllowsHostsAndBlocksWithTheirPorts() {
    AddressPolicy policy =
        policy("tfs.corp.example:8080, 127.0.0.1:9090, [fd12::]/16:443, *.lab.example");
    assertThatCode(() -> policy.check(URI.create("http://tfs.corp.example:8080/tfs"), false))
        .doesNotThrowAnyException();
    refused(policy, "http://tfs.corp.example:8081/tfs");
    refused(policy, "https://tfs.corp.example/tfs");
    assertThatCode(() -> policy.check(URI.create("http://127.0.0.1:9090/tfs"), false))
        .doesNotThrowAnyException();
    refused(policy, "http://127.0.0.1:9091/tfs");
    refused(policy, "http://localhost:9090/tfs");
    assertThatCode(() -> policy.check(URI.create("https://ula.example.com/tfs"), false))
        .doesNotThrowAnyException();
    refused(policy, "http://ula.example.com/tfs");
    assertThatCode(() -> policy.check(URI.create("http://build.lab.example/tfs"), false))
        .doesNotThrowAnyException();
    // Not a subdomain: not allowed by name, so it is looked up (and here has no address).
    assertThatThrownBy(() -> policy.check(URI.create("http://notlab.example/tfs"), false))
        .isInstanceOf(TransportException.class);
    assertThat(asked).contains("notlab.example").doesNotContain("build.lab.example");
  }

  @Test
  void aCidrAllowsOnlyTheAddressesInside() {
    AddressPolicy policy = policy("10.0.0.0/8");
    assertThatCode(() -> policy.check(URI.create("https://tfs.corp.example/tfs"), false))
        .doesNotThrowAnyException();
    refused(policy, "http://192.168.0.1/tfs");
    refused(policy, "http://169.254.169.254/tfs");
  }

  @Test
  void anUnknownNameCouldNotConnectUnlessAProxyResolvesIt() {
    AddressPolicy policy = policy(null);
    assertThatThrownBy(() -> policy.check(URI.create("https://nowhere.example/tfs"), false))
        .isInstanceOf(TransportException.class)
        .hasMessage("Could not connect to https://nowhere.example.");
    assertThatCode(() -> policy.check(URI.create("https://nowhere.example/tfs"), true))
        .doesNotThrowAnyException();
    // Through a proxy the target is still checked by name and by what it resolves to here.
    assertThatThrownBy(() -> policy.check(URI.create("http://localhost/tfs"), true))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> policy.check(URI.create("http://tfs.corp.example/tfs"), true))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void theOperatorsEndpointsAreTrustedAndEverythingElseIsCheckedOnEachRequest() {
    List<URI> sent = new ArrayList<>();
    HttpTransport ok =
        request -> {
          sent.add(request.uri());
          return new ApiResponse(200, Map.of(), new byte[0]);
        };
    CheckedTransport transport =
        new CheckedTransport(
            ok, policy(null), List.of(URI.create("http://127.0.0.1:4000")), uri -> false);
    transport.send(ApiRequest.get(URI.create("http://127.0.0.1:4000/org-001/_apis/projects")));
    assertThatThrownBy(() -> transport.send(ApiRequest.get(URI.create("http://127.0.0.1:4001/x"))))
        .isInstanceOf(InvalidInputException.class);
    transport.send(ApiRequest.get(URI.create("https://tfs.example.com/tfs/_apis/projects")));
    transport.send(ApiRequest.get(URI.create("https://tfs.example.com/tfs/_apis/projects")));
    assertThat(sent).hasSize(3);
    assertThat(asked).containsExactly("tfs.example.com", "tfs.example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tfs:notaport", "[fd12::", "10.0.0.0/99", "bad host", "host:70000"})
  void anUnreadableAllowListEntryIsNamed(String entry) {
    assertThatThrownBy(() -> AllowedTargets.parse("ok.example," + entry, AddressPolicy.SETTING))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(AddressPolicy.SETTING)
        .hasMessageContaining(entry.strip());
  }
}
