package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * kumactl's {@code -o table|yaml|json} output (Kuma's {@code printers.GenericPrint}) and the cell
 * helpers its tables use (ages, dates, numbers). Stateless.
 */
final class Output {
  /** The metadata fields of a REST resource; the rest of an old-style resource is its spec. */
  static final Set<String> META_FIELDS =
      Set.of("type", "mesh", "name", "creationTime", "modificationTime", "labels", "kri");
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";
  private static final long MAX_NANOS = Long.MAX_VALUE;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Output() {}

  /**
   * Prints {@code data} in {@code format}: JSON indented as Go does, YAML with sorted keys, or the
   * table built on demand.
   *
   * @throws KumactlException for an unknown format
   */
  static String render(String format, JsonNode data, Supplier<Table> table) throws KumactlException {
    return switch (format) {
      case "json" -> GoJson.indent(data, "  ") + "\n";
      case "yaml" -> GoYaml.write(data);
      case "table" -> table.get().render();
      default -> throw new KumactlException("unknown output format \"" + format + "\"");
    };
  }

  /**
   * Kuma's YAML printer for one resource: an old-style resource prints its metadata, then its spec
   * (each with sorted keys; an empty spec is left out); a new-style resource prints as one object.
   */
  static String resourceYaml(JsonNode resource, boolean newStyle) {
    if (newStyle) {
      return GoYaml.write(resource);
    }
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> it = resource.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      (META_FIELDS.contains(e.getKey()) ? meta : spec).set(e.getKey(), e.getValue());
    }
    if (!meta.has("creationTime")) {
      meta.put("creationTime", ZERO_TIME);
    }
    if (!meta.has("modificationTime")) {
      meta.put("modificationTime", ZERO_TIME);
    }
    String text = GoYaml.write(meta);
    return spec.isEmpty() ? text : text + GoYaml.write(spec);
  }

  /** Parses a proto/RFC 3339 timestamp; null when absent or unreadable. */
  static Instant time(JsonNode node) {
    if (node == null || !node.isTextual() || node.asText().isEmpty()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(node.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Kuma's {@code table.TimeSince}: the age of {@code t} (Go's zero time when null). */
  static String timeSince(Instant t, Clock clock) {
    return duration(t == null ? MAX_NANOS : since(t, clock.instant()));
  }

  /** Kuma's {@code table.Ago}: {@code never} when the time is absent. */
  static String ago(Instant t, Clock clock) {
    return t == null ? "never" : duration(since(t, clock.instant()));
  }

  /** Kuma's {@code table.Date}: {@code 2006-01-02 15:04:05} in the clock's zone, {@code -} when absent. */
  static String date(Instant t, Clock clock) {
    return t == null ? "-" : DATE.format(t.atZone(clock.getZone()));
  }

  /** Go's saturating {@code now.Sub(t)} in nanoseconds. */
  private static long since(Instant t, Instant now) {
    try {
      return Duration.between(t, now).toNanos();
    } catch (ArithmeticException overflow) {
      return now.isAfter(t) ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
  }

  /** Kuma's {@code table.Duration}. */
  static String duration(long nanos) {
    long seconds = (long) (nanos / 1e9);
    if (seconds < -1) {
      return "never";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60) {
      return seconds + "s";
    }
    long minutes = (long) (nanos / 6e10);
    if (minutes < 60) {
      return minutes + "m";
    }
    long hours = (long) (nanos / 3.6e12);
    if (hours < 24) {
      return hours + "h";
    } else if (hours < 24 * 365) {
      return (hours / 24) + "d";
    }
    return ((long) (nanos / 3.6e12 / 24 / 365)) + "y";
  }

  /** An unsigned proto number that JSON may carry as a string ({@code "10"}) or a number. */
  static long number(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return 0;
    }
    if (node.isNumber()) {
      return node.asLong();
    }
    try {
      return Long.parseLong(node.asText());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
