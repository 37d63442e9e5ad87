package io.adoconnect.net;

import java.util.List;
import java.util.Optional;

/**
 * The address blocks a caller-supplied URL may not reach: anything that is not the public internet,
 * and the cloud metadata services. IPv6 forms that carry an IPv4 address (mapped, compatible,
 * NAT64, 6to4) are judged by the IPv4 address they carry.
 */
final class InternalAddresses {
  /** Each block with the reason given in logs; the caller sees one fixed message. */
  private record Block(Cidr cidr, String reason) {
    Block(String cidr, String reason) {
      this(Cidr.parse(cidr), reason);
    }
  }

  private static final List<Block> BLOCKS =
      List.of(
          new Block("0.0.0.0/8", "unspecified"),
          new Block("10.0.0.0/8", "private"),
          new Block("100.64.0.0/10", "carrier-grade NAT"),
          new Block("127.0.0.0/8", "loopback"),
          new Block("169.254.0.0/16", "link-local (cloud metadata)"),
          new Block("172.16.0.0/12", "private"),
          new Block("192.0.0.0/24", "IETF protocol assignments"),
          new Block("192.0.2.0/24", "documentation"),
          new Block("192.88.99.0/24", "6to4 relay anycast"),
          new Block("192.168.0.0/16", "private"),
          new Block("198.18.0.0/15", "benchmarking"),
          new Block("198.51.100.0/24", "documentation"),
          new Block("203.0.113.0/24", "documentation"),
          new Block("224.0.0.0/4", "multicast"),
          new Block("240.0.0.0/4", "reserved or broadcast"),
          // Azure's WireServer answers instance metadata and agent calls on a public address.
          new Block("168.63.129.16/32", "Azure platform metadata"),
          new Block("::/128", "unspecified"),
          new Block("::1/128", "loopback"),
          new Block("100::/64", "discard"),
          new Block("2001:db8::/32", "documentation"),
          new Block("fc00::/7", "unique local (incl. AWS metadata fd00:ec2::254)"),
          new Block("fe80::/10", "link-local"),
          new Block("fec0::/10", "site-local"),
          new Block("ff00::/8", "multicast"));

  private static final Cidr MAPPED = Cidr.parse("::ffff:0.0.0.0/96");
  private static final Cidr COMPATIBLE = Cidr.parse("::/96");
  private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
  private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

  private InternalAddresses() {}

  /** Why {@code address} is internal, or empty when it is a public unicast address. */
  static Optional<String> reason(byte[] address) {
    for (Block block : BLOCKS) {
      if (block.cidr().contains(address)) {
        return Optional.of(block.reason());
      }
    }
    return embeddedIpv4(address).flatMap(InternalAddresses::reason);
  }

  /** The IPv4 address an IPv6 address carries, if it is of a form that carries one. */
  static Optional<byte[]> embeddedIpv4(byte[] address) {
    if (address.length != 16) {
      return Optional.empty();
    }
    if (MAPPED.contains(address) || COMPATIBLE.contains(address) || NAT64.contains(address)) {
      byte[] v4 = new byte[4];
      System.arraycopy(address, 12, v4, 0, 4);
      return Optional.of(v4);
    }
    if (SIX_TO_FOUR.contains(address)) {
      byte[] v4 = new byte[4];
      System.arraycopy(address, 2, v4, 0, 4);
      return Optional.of(v4);
    }
    return Optional.empty();
  }
}
