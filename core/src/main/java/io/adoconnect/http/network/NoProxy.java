package io.adoconnect.http.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosts that bypass the proxy, read from {@code NO_PROXY} the way curl reads it: entries are
 * separated by commas (or spaces); {@code *} alone means every host; a name matches itself and its
 * subdomains, with or without a leading dot ({@code example.com} and {@code .example.com} both
 * match {@code tfs.example.com}); an IP address or CIDR block ({@code 10.0.0.0/8}, {@code
 * fd00::/8}) matches addresses written in the URL; {@code host:port} matches only that port (as Go
 * and Python read it). Loopback ({@code localhost}, {@code *.localhost}, 127.0.0.0/8, {@code ::1})
 * is always direct, as in Go's {@code net/http}: a proxy can't reach this machine's loopback.
 *
 * <p>Nothing here resolves a name: only addresses written as literals are compared as addresses, so
 * deciding the route never sends a DNS query.
 */
public record NoProxy(boolean all, List<Entry> entries) {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  /** Nothing bypasses the proxy but loopback. */
  public static final NoProxy NONE = new NoProxy(false, List.of());

  public NoProxy {
    entries = List.copyOf(entries);
  }

  /** One entry: a domain suffix or an address block, optionally limited to one port. */
  public record Entry(String domain, byte[] network, int prefixBits, int port) {
    boolean matches(String host, InetAddress address, int requestPort) {
      if (port > 0 && port != requestPort) {
        return false;
      }
      if (domain != null) {
        return host.equals(domain) || host.endsWith("." + domain);
      }
      return address != null && inBlock(address.getAddress(), network, prefixBits);
    }
  }

  /** Parses a {@code NO_PROXY} value; a blank or null value means only loopback is direct. */
  public static NoProxy parse(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    List<Entry> entries = new ArrayList<>();
    for (String raw : value.split("[,\\s]+")) {
      String item = raw.trim().toLowerCase(Locale.ROOT);
      if (item.isEmpty()) {
        continue;
      }
      if (item.equals("*")) {
        return new NoProxy(true, List.of());
      }
      entries.add(entry(item));
    }
    return new NoProxy(false, entries);
  }

  /** Whether a request to {@code host:port} goes direct instead of through the proxy. */
  public boolean direct(String host, int port) {
    String name = normalize(host);
    InetAddress address = literal(name);
    if (isLoopback(name, address)) {
      return true;
    }
    if (all) {
      return true;
    }
    for (Entry entry : entries) {
      if (entry.matches(name, address, port)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code localhost}, a name under {@code .localhost} (RFC 6761 §6.3), or a loopback address
   * literal: such a URL means this machine, which no proxy can reach on our behalf.
   */
  public static boolean isLoopback(String host) {
    String name = normalize(host);
    return isLoopback(name, literal(name));
  }

  private static boolean isLoopback(String name, InetAddress address) {
    return name.equals("localhost")
        || name.endsWith(".localhost")
        || (address != null && address.isLoopbackAddress());
  }

  private static Entry entry(String item) {
    String hostPart = item;
    int port = 0;
    if (item.startsWith("[")) {
      int close = item.indexOf(']');
      hostPart = close > 0 ? item.substring(1, close) : item.substring(1);
      if (close > 0 && item.length() > close + 2 && item.charAt(close + 1) == ':') {
        port = parsePort(item.substring(close + 2));
      }
    } else if (item.indexOf(':') == item.lastIndexOf(':') && item.indexOf(':') > 0) {
      int colon = item.indexOf(':');
      hostPart = item.substring(0, colon);
      port = parsePort(item.substring(colon + 1));
    }
    int slash = hostPart.indexOf('/');
    String addressPart = slash >= 0 ? hostPart.substring(0, slash) : hostPart;
    InetAddress address = literal(addressPart);
    if (address != null) {
      int max = address.getAddress().length * 8;
      int bits = max;
      if (slash >= 0) {
        try {
          bits = Math.max(0, Math.min(max, Integer.parseInt(hostPart.substring(slash + 1))));
        } catch (NumberFormatException e) {
          bits = max;
        }
      }
      return new Entry(null, address.getAddress(), bits, port);
    }
    String domain = hostPart.startsWith("*.") ? hostPart.substring(2) : hostPart;
    domain = domain.startsWith(".") ? domain.substring(1) : domain;
    return new Entry(normalize(domain), null, 0, port);
  }

  private static int parsePort(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String normalize(String host) {
    String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    while (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return name;
  }

  /** The address an IP literal names, or null for a host name (never looked up). */
  static InetAddress literal(String text) {
    try {
      if (IPV4.matcher(text).matches()) {
        for (String octet : text.split("\\.")) {
          if (Integer.parseInt(octet) > 255) {
            return null;
          }
        }
        return InetAddress.getByName(text);
      }
      // Brackets make the JDK parse it as an IPv6 literal or fail, never look it up.
      return IPV6.matcher(text).matches() ? InetAddress.getByName("[" + text + "]") : null;
    } catch (UnknownHostException | IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean inBlock(byte[] address, byte[] network, int prefixBits) {
    if (address.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefixBits; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
