package org.kumaj.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kumaj.model.validation.GoStrings;

/**
 * Kubernetes' structural defaulting followed by kube-openapi's {@code SchemaValidator}, as Kuma's
 * REST unmarshaller runs them ({@code defaulting.Default}, then {@code Validator.Validate}), giving
 * kube-openapi's error texts ({@code spec.x in body should be one of [A B]}).
 *
 * <p>Per node the checks run in kube-openapi's order: type, anyOf (int-or-string), string
 * (maxLength, minLength, pattern: first failure only), format, number (format range, minimum,
 * maximum), array (items, minItems, maxItems), enum, object (unknown or additional properties,
 * properties, required). Identical messages are reported once, as kube-openapi's {@code Result}
 * does. Kuma iterates an object's properties in Go map order (random); we use the schema's
 * declaration order and, for additional properties, the document's. One instance per run; not
 * thread-safe.
 */
final class StructuralValidator {
  private static final String IN = " in body";
  private final Set<String> errors = new LinkedHashSet<>();

  private StructuralValidator() {}

  /**
   * Defaults a copy of {@code document} and validates it against {@code root}.
   *
   * @return kube-openapi's error messages in report order; empty when valid
   */
  static List<String> validate(Schema root, JsonNode document) {
    JsonNode doc = document.deepCopy();
    defaults(doc, root);
    StructuralValidator v = new StructuralValidator();
    v.node(root, "", doc);
    return new ArrayList<>(v.errors);
  }

  /** {@code k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting.Default}. */
  static void defaults(JsonNode x, Schema s) {
    if (s == null) {
      return;
    }
    if (x instanceof ObjectNode object) {
      for (Map.Entry<String, Schema> p : s.properties.entrySet()) {
        Schema prop = p.getValue();
        if (prop.defaultValue == null || prop.defaultValue.isNull()) {
          continue;
        }
        JsonNode present = object.get(p.getKey());
        if (present == null || (present.isNull() && !prop.nullable)) {
          object.set(p.getKey(), prop.defaultValue.deepCopy());
        }
      }
      Iterator<Map.Entry<String, JsonNode>> it = object.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        Schema prop = s.properties.get(e.getKey());
        if (prop != null) {
          defaults(e.getValue(), prop);
        } else if (s.additionalProperties != null) {
          Schema ap = s.additionalProperties;
          if (e.getValue().isNull() && !ap.nullable && ap.defaultValue != null && !ap.defaultValue.isNull()) {
            e.setValue(ap.defaultValue.deepCopy());
          }
          defaults(e.getValue(), ap);
        }
      }
    } else if (x instanceof ArrayNode array && s.items != null) {
      Schema items = s.items;
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isNull() && !items.nullable && items.defaultValue != null && !items.defaultValue.isNull()) {
          array.set(i, items.defaultValue.deepCopy());
        }
        defaults(array.get(i), items);
      }
    }
  }

  private void node(Schema s, String path, JsonNode value) {
    if (value == null || value.isNull()) {
      if (s.type != null && !s.nullable) {
        invalidType(path, s.type, "null");
      }
      if (!s.enumValues.isEmpty()) {
        enumFail(path, s);
      }
      return;
    }
    typeCheck(s, path, value);
    if (!s.anyOf.isEmpty()) {
      intOrString(path, value);
    }
    if (value.isTextual()) {
      string(s, path, value.textValue());
      if (GoFormats.isKnownStringFormat(s.format) && !GoFormats.validates(s.format, value.textValue())) {
        add(path + IN + " must be of type " + s.format + ": " + GoStrings.quote(value.textValue()));
      }
    }
    if (value.isNumber()) {
      number(s, path, value.doubleValue());
    }
    if (value.isArray()) {
      array(s, path, value);
    }
    if (!s.enumValues.isEmpty() && !enumMatches(s, value)) {
      enumFail(path, s);
    }
    if (value.isObject()) {
      object(s, path, (ObjectNode) value);
    }
  }

  /** kube-openapi's {@code typeValidator}. */
  private void typeCheck(Schema s, String path, JsonNode value) {
    if (s.type == null && s.format.isEmpty()) {
      return;
    }
    String schType = SchemaValidation.jsonType(value);
    String format = value.isNumber() ? "float64" : "";
    boolean isString = value.isTextual();
    boolean isSlice = value.isArray();
    boolean contains = schType.equals(s.type);
    boolean isFloatInt = value.isNumber() && GoFormats.isJsonInteger(value.doubleValue()) && "integer".equals(s.type);
    if (!isString && !isSlice && !s.format.isEmpty() && !(contains || format.equals(s.format) || isFloatInt)) {
      invalidType(path, s.format, format);
      return;
    }
    boolean numeric = "number".equals(s.type) || "integer".equals(s.type);
    if (!numeric && !s.format.isEmpty() && (isString || isSlice)) {
      return;
    }
    if (!(contains || isFloatInt)) {
      invalidType(path, s.type == null ? "" : s.type, schType);
    }
  }

  /**
   * {@code anyOf: [{type: integer}, {type: string}]}: when neither matches, kube-openapi reports the
   * anyOf failure and the errors of the integer branch (both branches tie on match count, the first
   * wins).
   */
  private void intOrString(String path, JsonNode value) {
    if (value.isTextual() || (value.isNumber() && GoFormats.isJsonInteger(value.doubleValue()))) {
      return;
    }
    add(GoStrings.quote(path) + " must validate at least one schema (anyOf)");
    invalidType(path, "integer", SchemaValidation.jsonType(value));
    if (value.isNumber()) {
      rangeCheck(value.doubleValue(), "integer", "", path);
    }
  }

  private void string(Schema s, String path, String text) {
    int length = text.codePointCount(0, text.length());
    if (s.maxLength != null && length > s.maxLength) {
      add(path + IN + " should be at most " + s.maxLength + " chars long");
    } else if (s.minLength != null && length < s.minLength) {
      add(path + IN + " should be at least " + s.minLength + " chars long");
    } else if (s.compiledPattern != null && !s.compiledPattern.matcher(text).find()) {
      add(path + IN + " should match '" + s.pattern + "'");
    }
  }

  /** kube-openapi's {@code numberValidator} on a float64 (all JSON numbers decode as float64 in Go). */
  private void number(Schema s, String path, double v) {
    String typeName = "";
    String format = "";
    if ("integer".equals(s.type)) {
      typeName = "integer";
      format = s.format.equals("int32") || s.format.equals("int64") ? s.format : "";
    } else if ("number".equals(s.type)) {
      typeName = "number";
    }
    rangeCheck(v, typeName, format, path);
    if (s.minimum != null && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum)) {
      add(path + IN + " should be greater than " + (s.exclusiveMinimum ? "" : "or equal to ")
          + GoFormats.formatFloat(s.minimum));
    }
    if (s.maximum != null && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum)) {
      add(path + IN + " should be less than " + (s.exclusiveMaximum ? "" : "or equal to ")
          + GoFormats.formatFloat(s.maximum));
    }
  }

  /** {@code IsValueValidAgainstRange(val, typeName, format, "Checked", path)} for integers. */
  private void rangeCheck(double v, String typeName, String format, String path) {
    if (!typeName.equals("integer")) {
      return;
    }
    BigDecimal exact = GoFormats.exact(v);
    long min = format.equals("int32") ? Integer.MIN_VALUE : Long.MIN_VALUE;
    long max = format.equals("int32") ? Integer.MAX_VALUE : Long.MAX_VALUE;
    boolean ok = exact != null && exact.stripTrailingZeros().scale() <= 0
        && exact.compareTo(BigDecimal.valueOf(min)) >= 0 && exact.compareTo(BigDecimal.valueOf(max)) <= 0;
    if (!ok) {
      add(format.isEmpty()
          ? "Checked value must be of type integer (default format) in " + path
          : "Checked value must be of type integer with format " + format + " in " + path);
    }
  }

  private void array(Schema s, String path, JsonNode value) {
    if (s.items != null) {
      for (int i = 0; i < value.size(); i++) {
        node(s.items, path + "[" + i + "]", value.get(i));
      }
    }
    if (s.minItems != null && value.size() < s.minItems) {
      add(path + IN + " should have at least " + s.minItems + " items");
    }
    if (s.maxItems != null && value.size() > s.maxItems) {
      add(path + IN + " should have at most " + s.maxItems + " items");
    }
  }

  private void object(Schema s, String path, ObjectNode value) {
    Iterator<Map.Entry<String, JsonNode>> it = value.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (s.properties.containsKey(e.getKey())) {
        continue;
      }
      if (s.noAdditional) {
        add(path + "." + e.getKey() + IN + " is a forbidden property");
      } else if (s.additionalProperties != null) {
        node(s.additionalProperties, path + "." + e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, Schema> p : s.properties.entrySet()) {
      JsonNode v = value.get(p.getKey());
      if (v != null) {
        node(p.getValue(), path.isEmpty() ? p.getKey() : path + "." + p.getKey(), v);
      }
    }
    for (String r : s.required) {
      if (!value.has(r)) {
        add(path + "." + r + IN + " is required");
      }
    }
  }

  private static boolean enumMatches(Schema s, JsonNode value) {
    for (Object allowed : s.enumValues) {
      if (allowed instanceof String str ? value.isTextual() && value.textValue().equals(str)
          : value.isNumber() && value.doubleValue() == (Double) allowed) {
        return true;
      }
    }
    return false;
  }

  private void enumFail(String path, Schema s) {
    StringBuilder values = new StringBuilder();
    for (Object v : s.enumValues) {
      if (values.length() > 0) {
        values.append(' ');
      }
      values.append(v instanceof Double d ? GoFormats.formatFloat(d) : v);
    }
    add(path + IN + " should be one of [" + values + "]");
  }

  private void invalidType(String path, String expected, String actual) {
    add(path + IN + " must be of type " + expected + ": " + GoStrings.quote(actual));
  }

  private void add(String message) {
    errors.add(message);
  }
}
