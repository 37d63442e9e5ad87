package io.adoconnect.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Reads JWT parts without verifying (verification tests use nimbus-jose-jwt). */
final class Jwts {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Jwts() {}

  static JsonNode claims(String jwt) {
    return part(jwt, 1);
  }

  static JsonNode header(String jwt) {
    return part(jwt, 0);
  }

  private static JsonNode part(String jwt, int index) {
    try {
      return MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
