package io.adoconnect.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into its addresses. The default asks the JDK ({@link InetAddress}), which is
 * also what {@code java.net.http} asks when it connects, through the same JVM-wide cache; tests
 * pass their own so that private and metadata addresses are refused without sending a packet.
 */
@FunctionalInterface
public interface Resolver {
  Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  /**
   * @throws UnknownHostException when the name has no address
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
