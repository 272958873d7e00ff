package org.kumaj.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The generated schema tables on the classpath ({@code org/kumaj/model/schema/index.txt} and one
 * {@code <Type>.json} per type). The index is read on first use, each table on the first lookup of
 * its type, both once. Thread-safe.
 */
final class SchemaTables {
  private static final String DIR = "/org/kumaj/model/schema/";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ConcurrentMap<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private SchemaTables() {}

  /** Lazy holder: the index is read when a table is first asked for. */
  private static final class Index {
    static final Set<String> NAMES = readIndex();
  }

  /** The type names that have a table, in index order. */
  static Set<String> names() {
    return Index.NAMES;
  }

  /**
   * The {@code <Type>Item} schema of {@code typeName}, or empty for a type Kuma does not
   * schema-validate (old-style types).
   *
   * @throws IllegalStateException if a listed table is missing or malformed (a build defect)
   */
  static Optional<Schema> forType(String typeName) {
    if (!Index.NAMES.contains(typeName)) {
      return Optional.empty();
    }
    return Optional.of(SCHEMAS.computeIfAbsent(typeName, SchemaTables::load));
  }

  /** The Kuma source a table was generated from ({@code tag:path#/components/schemas/XItem}). */
  static String source(String typeName) {
    return read(typeName).path("kuma").asText();
  }

  private static Schema load(String typeName) {
    try {
      return Schema.parse(read(typeName).get("schema"), typeName);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalStateException("schema table of " + typeName + " is malformed: " + e.getMessage(), e);
    }
  }

  private static JsonNode read(String typeName) {
    try (InputStream in = SchemaTables.class.getResourceAsStream(DIR + typeName + ".json")) {
      if (in == null) {
        throw new IllegalStateException("schema table " + DIR + typeName + ".json is missing");
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema table of " + typeName, e);
    }
  }

  private static Set<String> readIndex() {
    InputStream in = SchemaTables.class.getResourceAsStream(DIR + "index.txt");
    if (in == null) {
      throw new IllegalStateException(DIR + "index.txt is missing");
    }
    Set<String> names = new LinkedHashSet<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          names.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DIR + "index.txt", e);
    }
    return Collections.unmodifiableSet(names);
  }
}
