package org.kumaj.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One node of a structural schema as the generated tables describe it (the keywords listed in
 * {@code tools/gen-schema-constraints.py}). Immutable and thread-safe once built.
 */
final class Schema {
  /** {@code type}, or null when the node declares none (int-or-string, preserve-unknown-fields). */
  final String type;
  /** {@code format}, or "". */
  final String format;
  /** Enum values (String or Double, as Go's decoder sees them), or empty. */
  final List<Object> enumValues;
  final JsonNode defaultValue;
  final Double minimum;
  final Double maximum;
  final boolean exclusiveMinimum;
  final boolean exclusiveMaximum;
  final Long minLength;
  final Long maxLength;
  /** The pattern as Kuma writes it (reported in messages), or null. */
  final String pattern;
  /** The pattern with Go's RE2 semantics translated to {@link Pattern}, or null. */
  final Pattern compiledPattern;
  final Long minItems;
  final Long maxItems;
  final List<String> required;
  final boolean nullable;
  final boolean intOrString;
  final List<Schema> anyOf;
  final Schema items;
  /** Properties in Kuma's declaration order. */
  final Map<String, Schema> properties;
  /** The schema of other properties, or null (any value allowed unless {@link #noAdditional}). */
  final Schema additionalProperties;
  /** {@code additionalProperties: false}. */
  final boolean noAdditional;

  private Schema(JsonNode n, String path) {
    type = n.hasNonNull("type") ? n.get("type").asText() : null;
    format = n.path("format").asText("");
    List<Object> values = new ArrayList<>();
    for (JsonNode v : n.path("enum")) {
      values.add(v.isNumber() ? (Object) v.doubleValue() : v.asText());
    }
    enumValues = List.copyOf(values);
    defaultValue = n.get("default");
    minimum = n.has("minimum") ? n.get("minimum").doubleValue() : null;
    maximum = n.has("maximum") ? n.get("maximum").doubleValue() : null;
    exclusiveMinimum = n.path("exclusiveMinimum").asBoolean(false);
    exclusiveMaximum = n.path("exclusiveMaximum").asBoolean(false);
    minLength = n.has("minLength") ? n.get("minLength").longValue() : null;
    maxLength = n.has("maxLength") ? n.get("maxLength").longValue() : null;
    pattern = n.has("pattern") ? n.get("pattern").asText() : null;
    compiledPattern = pattern == null ? null : GoFormats.compileRe2(pattern);
    minItems = n.has("minItems") ? n.get("minItems").longValue() : null;
    maxItems = n.has("maxItems") ? n.get("maxItems").longValue() : null;
    List<String> req = new ArrayList<>();
    n.path("required").forEach(r -> req.add(r.asText()));
    required = List.copyOf(req);
    nullable = n.path("nullable").asBoolean(false);
    intOrString = n.path("x-kubernetes-int-or-string").asBoolean(false);
    List<Schema> any = new ArrayList<>();
    int i = 0;
    for (JsonNode a : n.path("anyOf")) {
      any.add(new Schema(a, path + "/anyOf[" + i++ + "]"));
    }
    anyOf = List.copyOf(any);
    if (!anyOf.isEmpty() && !isIntOrStringAnyOf()) {
      // the message Kuma gives for a failed anyOf depends on kube-openapi's match counting, which we
      // reproduce only for the one form Kuma's schemas use
      throw new IllegalArgumentException(path + ": only int-or-string anyOf is supported");
    }
    items = n.has("items") ? new Schema(n.get("items"), path + "[]") : null;
    Map<String, Schema> props = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = n.path("properties").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      props.put(e.getKey(), new Schema(e.getValue(), path + "." + e.getKey()));
    }
    properties = Collections.unmodifiableMap(props);
    JsonNode ap = n.get("additionalProperties");
    noAdditional = ap != null && ap.isBoolean() && !ap.booleanValue();
    additionalProperties = ap != null && ap.isObject() ? new Schema(ap, path + "{}") : null;
  }

  /** Reads a table's {@code schema} node. @throws IllegalArgumentException on an unsupported form */
  static Schema parse(JsonNode node, String name) {
    return new Schema(node, name);
  }

  private boolean isIntOrStringAnyOf() {
    return anyOf.size() == 2 && "integer".equals(anyOf.get(0).type) && "string".equals(anyOf.get(1).type)
        && anyOf.stream().allMatch(Schema::isBareType);
  }

  /** Only a {@code type}: what kube-openapi's int-or-string branches are. */
  private boolean isBareType() {
    return format.isEmpty() && enumValues.isEmpty() && minimum == null && maximum == null && minLength == null
        && maxLength == null && pattern == null && minItems == null && maxItems == null && required.isEmpty()
        && anyOf.isEmpty() && items == null && properties.isEmpty() && additionalProperties == null
        && !noAdditional;
  }
}
