package io.adoconnect.net;

import io.adoconnect.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The operator's exceptions to the {@link AddressPolicy}, from one comma-separated setting ({@code
 * ADO_CONNECT_ALLOWED_TARGETS}): each entry a host name ({@code tfs.corp.example}, or {@code
 * *.corp.example} for its subdomains), an IP address or a CIDR block ({@code 10.20.0.0/16}, {@code
 * fd12::/16}), each optionally with {@code :port} (IPv6 in brackets then: {@code [fd12::/16]:443}).
 * Without a port every port matches.
 *
 * <pre>{@code
 * AllowedTargets.parse("tfs.corp.example:8080, 10.20.0.0/16:443", "ADO_CONNECT_ALLOWED_TARGETS")
 * }</pre>
 */
public record AllowedTargets(List<Rule> rules) {
  public static final AllowedTargets NONE = new AllowedTargets(List.of());

  public AllowedTargets {
    rules = List.copyOf(rules);
  }

  /**
   * One entry: a host name (or {@code *.suffix}) or an address block, and a port ({@code -1}: any).
   */
  public record Rule(String host, Cidr cidr, int port) {
    boolean matchesPort(int value) {
      return port < 0 || port == value;
    }

    boolean matchesName(String name) {
      if (host == null) {
        return false;
      }
      return host.startsWith("*.") ? name.endsWith(host.substring(1)) : name.equals(host);
    }
  }

  /**
   * @param settingName where the value came from, for the error message
   */
  public static AllowedTargets parse(String setting, String settingName) {
    if (setting == null || setting.isBlank()) {
      return NONE;
    }
    List<Rule> rules = new ArrayList<>();
    for (String raw : setting.split(",")) {
      String entry = raw.strip();
      if (!entry.isEmpty()) {
        rules.add(rule(entry, settingName));
      }
    }
    return new AllowedTargets(rules);
  }

  private static Rule rule(String entry, String settingName) {
    String target = entry;
    int port = -1;
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      if (close < 0) {
        throw invalid(entry, settingName);
      }
      target = entry.substring(1, close);
      String rest = entry.substring(close + 1);
      if (rest.startsWith("/")) {
        // [fd12::]/16 as well as [fd12::/16]
        int colon = rest.indexOf(':');
        target += colon < 0 ? rest : rest.substring(0, colon);
        rest = colon < 0 ? "" : rest.substring(colon);
      }
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw invalid(entry, settingName);
        }
        port = port(rest.substring(1), entry, settingName);
      }
    } else if (entry.indexOf(':') == entry.lastIndexOf(':') && entry.indexOf(':') >= 0) {
      target = entry.substring(0, entry.indexOf(':'));
      port = port(entry.substring(entry.indexOf(':') + 1), entry, settingName);
    }
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.contains(":") || lower.matches("[0-9./]+")) {
      try {
        return new Rule(null, Cidr.parse(lower), port);
      } catch (IllegalArgumentException e) {
        throw invalid(entry, settingName);
      }
    }
    if (!lower.matches(
        "(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
      throw invalid(entry, settingName);
    }
    return new Rule(lower, null, port);
  }

  private static int port(String text, String entry, String settingName) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(entry, settingName);
  }

  private static InvalidInputException invalid(String entry, String settingName) {
    // The operator's own setting: echoing the entry is what lets them find it.
    return new InvalidInputException(
        settingName + " has an entry ado-connect can't read: '" + entry + "'.",
        "List host[:port] or CIDR[:port] entries separated by commas, e.g."
            + " tfs.corp.example:8080,10.20.0.0/16:443,[fd12::]/16.");
  }

  /** Whether the operator allowed this host name (as written in the URL) on this port. */
  boolean allowsName(String host, int port) {
    return rules.stream().anyMatch(r -> r.matchesName(host) && r.matchesPort(port));
  }

  /** Whether the operator allowed this address on this port. */
  boolean allowsAddress(byte[] address, int port) {
    return rules.stream()
        .anyMatch(r -> r.cidr() != null && r.cidr().contains(address) && r.matchesPort(port));
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }
}
