package org.kumaj.model.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies an OpenAPI-style defaults template to a document, as Kubernetes' structural defaulting
 * does for Kuma's new-style types: a field absent from an object takes the template's value (when
 * that value is not itself an object or an array), object fields recurse, and the single element of
 * a template array applies to every element of the document's array. Thread-safe.
 */
final class StructuralDefaults {
  private static final Map<String, JsonNode> TEMPLATES = new ConcurrentHashMap<>();

  private StructuralDefaults() {}

  /** Applies the template (JSON text) to {@code doc} in place. */
  static void apply(JsonNode doc, String template) {
    apply(doc, TEMPLATES.computeIfAbsent(template, StructuralDefaults::parse));
  }

  private static JsonNode parse(String template) {
    try {
      return Json.mapper().readTree(template);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("bad defaults template: " + template, e);
    }
  }

  private static void apply(JsonNode doc, JsonNode template) {
    if (doc instanceof ObjectNode object && template.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = template.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> t = it.next();
        JsonNode present = object.get(t.getKey());
        if (present == null || present.isNull()) {
          if (t.getValue().isValueNode()) {
            object.set(t.getKey(), t.getValue());
          }
        } else {
          apply(present, t.getValue());
        }
      }
    } else if (doc instanceof ArrayNode array && template.isArray() && template.size() == 1) {
      for (JsonNode element : array) {
        apply(element, template.get(0));
      }
    }
  }
}
