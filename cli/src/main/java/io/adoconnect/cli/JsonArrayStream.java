package io.adoconnect.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.OrganizationSink;
import io.adoconnect.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code repos --json}: the listing as one JSON array, written and flushed one organization at a
 * time as it arrives, so 100,000 repositories print within a small heap (holding them as one string
 * ran out of memory at 128 MB with 57,150). Byte for byte what {@link Output#json} prints for the
 * whole list. The array opens with the first repository, so a listing that fails before any prints
 * nothing on stdout; one that fails half-way leaves the array unclosed, which no JSON reader takes
 * for a complete answer.
 */
final class JsonArrayStream implements OrganizationSink {
  /** Flushed once per organization, not after every repository (Jackson's default). */
  private static final ObjectWriter ITEM =
      Json.MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private final OutputStream out;
  private JsonGenerator json;

  JsonArrayStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void accept(String organization, List<DiscoveredRepository> repositories) {
    if (repositories.isEmpty()) {
      return;
    }
    try {
      if (json == null) {
        json =
            Json.MAPPER
                .getFactory()
                .createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .setPrettyPrinter(new DefaultPrettyPrinter());
        json.writeStartArray();
      }
      for (DiscoveredRepository repository : repositories) {
        ITEM.writeValue(json, repository);
      }
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the repositories", e);
    }
  }

  /** Closes the array (an empty one when nothing came) and ends the line. */
  void finish() {
    try {
      if (json == null) {
        out.write("[ ]".getBytes(StandardCharsets.UTF_8)); // what Output.json prints for none
      } else {
        json.writeEndArray();
        json.close();
      }
      out.write(System.lineSeparator().getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the repositories", e);
    }
  }
}
