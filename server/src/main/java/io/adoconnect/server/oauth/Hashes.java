package io.adoconnect.server.oauth;

import io.adoconnect.server.access.Randoms;
import java.util.HexFormat;

/** Codes and tokens are stored as the hex SHA-256 of their value: 32 random bytes need no salt. */
final class Hashes {
  private Hashes() {}

  static String of(String value) {
    return HexFormat.of().formatHex(Randoms.sha256(value));
  }
}
