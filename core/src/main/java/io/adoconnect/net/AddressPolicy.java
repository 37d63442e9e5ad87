package io.adoconnect.net;

import io.adoconnect.InvalidInputException;
import io.adoconnect.TransportException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the service may connect to a URL a caller gave it (SSRF protection): the host is
 * resolved and every address it resolves to must be a public unicast address — not loopback,
 * private (RFC 1918, ULA), link-local, carrier-grade NAT, unspecified, multicast or broadcast,
 * cloud metadata, nor an IPv6 form carrying one of those — unless the operator's {@link
 * AllowedTargets} names the host or a block holding the address. A name that resolves to one public
 * and one private address is refused. Host names that mean this machine or a metadata service
 * ({@code localhost}, {@code metadata.google.internal}, …) are refused by name, and numbers written
 * in any form but four decimal parts ({@code 2130706433}, {@code 0177.0.0.1}) are refused as
 * ambiguous: resolvers disagree about what they mean.
 *
 * <pre>{@code
 * AddressPolicy policy = new AddressPolicy(AllowedTargets.parse(env.get(SETTING), SETTING), Resolver.SYSTEM);
 * policy.check(URI.create("https://tfs.example.com/tfs"), false); // throws when refused
 * }</pre>
 */
public final class AddressPolicy {
  /** The operator's setting that allow-lists targets. */
  public static final String SETTING = "ADO_CONNECT_ALLOWED_TARGETS";

  private static final Logger log = LoggerFactory.getLogger(AddressPolicy.class);
  private static final Set<String> INTERNAL_NAMES =
      Set.of(
          "localhost",
          "localhost.localdomain",
          "ip6-localhost",
          "ip6-loopback",
          "metadata",
          "metadata.google.internal",
          "metadata.goog",
          "instance-data",
          "instance-data.ec2.internal");
  private static final Pattern NUMERIC =
      Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*");
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  private final AllowedTargets allowed;
  private final Resolver resolver;

  public AddressPolicy(AllowedTargets allowed, Resolver resolver) {
    this.allowed = allowed;
    this.resolver = resolver;
  }

  /**
   * Returns when the service may connect to {@code target}; refuses it before any connection
   * otherwise.
   *
   * @param viaProxy the request goes through a proxy, which resolves the name itself: a name that
   *     does not resolve here is then left to the proxy
   * @throws InvalidInputException when the target is internal and not allow-listed
   * @throws TransportException when the name has no address and no proxy will resolve it
   */
  public void check(URI target, boolean viaProxy) {
    String raw = target.getHost();
    if (raw == null || raw.isEmpty()) {
      throw refused(target, "no host");
    }
    int port = port(target);
    String host = raw.toLowerCase(Locale.ROOT);
    boolean bracketed = host.startsWith("[") && host.endsWith("]");
    if (bracketed) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (allowed.allowsName(host, port)) {
      return;
    }
    List<byte[]> addresses = new ArrayList<>();
    if (bracketed || host.contains(":")) {
      addresses.add(ipv6Literal(host, target));
    } else if (NUMERIC.matcher(host).matches()) {
      if (!DOTTED_QUAD.matcher(host).matches()) {
        throw refused(target, "numeric host in an ambiguous form");
      }
      addresses.add(literal(host, target));
    } else {
      if (INTERNAL_NAMES.contains(host) || host.endsWith(".localhost")) {
        throw refused(target, "internal host name");
      }
      try {
        for (InetAddress address : resolver.resolve(host)) {
          addresses.add(address.getAddress());
        }
      } catch (UnknownHostException e) {
        if (viaProxy) {
          return;
        }
        throw unreachable(target);
      }
      if (addresses.isEmpty()) {
        throw unreachable(target);
      }
    }
    for (byte[] address : addresses) {
      if (allowed.allowsAddress(address, port)) {
        continue;
      }
      Optional<String> reason = InternalAddresses.reason(address);
      if (reason.isPresent()) {
        throw refused(target, reason.get());
      }
    }
  }

  private static byte[] ipv6Literal(String host, URI target) {
    int zone = host.indexOf('%');
    String address = zone < 0 ? host : host.substring(0, zone);
    if (!address.matches("[0-9a-f:.]+")) {
      throw refused(target, "not an IPv6 literal");
    }
    // The JDK turns ::ffff:a.b.c.d into a.b.c.d, which is then judged as the IPv4 address it is.
    return literal(address, target);
  }

  /** A literal address: InetAddress parses it without a lookup. */
  private static byte[] literal(String text, URI target) {
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw refused(target, "unparseable address literal");
    }
  }

  private static int port(URI target) {
    if (target.getPort() >= 0) {
      return target.getPort();
    }
    return "http".equalsIgnoreCase(target.getScheme()) ? 80 : 443;
  }

  private static String origin(URI target) {
    return target.getScheme() + "://" + target.getRawAuthority();
  }

  private static InvalidInputException refused(URI target, String reason) {
    log.info("refused a connection to {}: {}", origin(target), reason);
    // One message for every reason: telling "private" from "loopback" would map the network.
    return new InvalidInputException(
        "ado-connect's service does not connect to "
            + origin(target)
            + ": it is not a public internet address.",
        "If this Azure DevOps Server is on your own network, ask the operator to allow it in "
            + SETTING
            + " (host:port or CIDR:port), then try again.");
  }

  private static TransportException unreachable(URI target) {
    return new TransportException(
        "Could not connect to " + origin(target) + ".",
        "Check the URL and that the server is reachable from the service, then try again.",
        null);
  }
}
