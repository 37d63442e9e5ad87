package io.adoconnect.mcp;

import io.adoconnect.InvalidInputException;
import io.adoconnect.connect.OrganizationRef;
import io.adoconnect.connect.ProjectRef;
import io.adoconnect.connect.RepositoryRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A tool call's arguments, read with the type the tool's schema states. A missing or mistyped
 * argument is an {@link InvalidInputException} that names it, so the agent gets a refusal it can
 * act on instead of a stack trace.
 */
final class Args {
  private final Map<String, Object> values;

  Args(Map<String, Object> values) {
    this.values = values == null ? Map.of() : values;
  }

  /** The arguments a cursor is bound to: everything but the cursor, in a stable order. */
  Map<String, Object> withoutCursor() {
    Map<String, Object> copy = new TreeMap<>(values);
    copy.remove("cursor");
    return copy;
  }

  String string(String name) {
    return optionalString(name)
        .orElseThrow(
            () -> new InvalidInputException("The argument '" + name + "' is required.", hint()));
  }

  Optional<String> optionalString(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new InvalidInputException("The argument '" + name + "' must be a string.", hint());
    }
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  int integer(String name) {
    return optionalInteger(name)
        .orElseThrow(
            () -> new InvalidInputException("The argument '" + name + "' is required.", hint()));
  }

  Optional<Integer> optionalInteger(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      long whole = n.longValue();
      if (whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE) {
        return Optional.of((int) whole);
      }
    }
    throw new InvalidInputException("The argument '" + name + "' must be an integer.", hint());
  }

  boolean bool(String name, boolean fallback) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean b)) {
      throw new InvalidInputException("The argument '" + name + "' must be true or false.", hint());
    }
    return b;
  }

  List<String> strings(String name) {
    Object value = values.get(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new InvalidInputException(
          "The argument '" + name + "' must be a list of strings.", hint());
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s)) {
        throw new InvalidInputException(
            "The argument '" + name + "' must be a list of strings.", hint());
      }
      out.add(s);
    }
    return out;
  }

  /** An object of string values, in the order given. */
  Map<String, String> stringMap(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new InvalidInputException(
          "The argument '" + name + "' must be an object of strings.", hint());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key) || !(e.getValue() instanceof String text)) {
        throw new InvalidInputException(
            "The argument '" + name + "' must be an object of strings.", hint());
      }
      out.put(key, text);
    }
    return out;
  }

  OrganizationRef organization() {
    return new OrganizationRef(string("organization"), optionalString("account").orElse(null));
  }

  ProjectRef project() {
    return new ProjectRef(
        string("organization"), string("project"), optionalString("account").orElse(null));
  }

  RepositoryRef repository() {
    return new RepositoryRef(
        string("organization"),
        string("project"),
        string("repository"),
        optionalString("account").orElse(null));
  }

  private static String hint() {
    return "Call the tool again with the arguments its input schema lists.";
  }
}
