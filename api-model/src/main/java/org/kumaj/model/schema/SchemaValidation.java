package org.kumaj.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kumaj.model.ResourceType;
import org.kumaj.model.validation.ValidationException;
import org.kumaj.model.validation.Violation;

/**
 * Validates a new-style resource document (Universal form: {@code type}, {@code mesh},
 * {@code name}, {@code labels}, {@code spec}, {@code status}, ...) against the structural schema of
 * its type's {@code <Type>Item} in Kuma's {@code rest.yaml}, as Kuma 2.14.3's REST unmarshaller
 * ({@code pkg/core/resources/model/rest/unmarshaller.go}) does before binding the document and
 * running the type's own validator: structural defaulting, then kube-openapi's
 * {@code SchemaValidator} over the whole document, then {@code toValidationError}, which turns an
 * error whose first word is a {@code spec.} path into a violation of that field and any other
 * error into a violation of field {@code ""} carrying the whole text ({@code type in body should be
 * one of [MeshTimeout]}, {@code .name in body is required}).
 *
 * <p>Types without a generated table (old-style types, whose spec is validated by their own
 * validator only) are accepted as they are. The tables are loaded lazily, once. Stateless and
 * thread-safe.
 */
public final class SchemaValidation {
  private SchemaValidation() {}

  /** The names of the types Kuma schema-validates (those with a generated table). */
  public static Set<String> types() {
    return SchemaTables.names();
  }

  /** Whether documents of {@code type} are schema-validated. */
  public static boolean appliesTo(ResourceType type) {
    return SchemaTables.names().contains(type.name());
  }

  /**
   * The schema violations of {@code document} as a resource of {@code typeName}, in Kuma's field
   * and message form; empty when it is valid or the type has no schema. The document is not
   * modified.
   */
  public static List<Violation> validate(String typeName, JsonNode document) {
    return SchemaTables.forType(typeName)
        .map(schema -> toViolations(StructuralValidator.validate(schema, document)))
        .orElseGet(List::of);
  }

  /**
   * Checks {@code document} as a body of {@code type} (the hook of the codec). A document without a
   * {@code type} field is checked as if it named {@code type}: the codec's callers check the type
   * themselves (the HTTP API against the URL, kumactl and the Kubernetes codec by choosing the type
   * from the document).
   *
   * @throws ValidationException carrying every schema violation, if there is any
   */
  public static void check(ResourceType type, JsonNode document) {
    if (!appliesTo(type)) {
      return;
    }
    JsonNode doc = document;
    if (document instanceof ObjectNode object && !object.has("type")) {
      doc = object.deepCopy().put("type", type.name());
    }
    List<Violation> violations = validate(type.name(), doc);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /** Kuma's {@code toValidationError}. */
  static List<Violation> toViolations(List<String> errors) {
    List<Violation> out = new ArrayList<>(errors.size());
    for (String e : errors) {
      int space = e.indexOf(' ');
      if (space > 0 && e.substring(0, space).startsWith("spec.")) {
        out.add(new Violation(e.substring(0, space), e.substring(space + 1)));
      } else {
        out.add(new Violation("", e));
      }
    }
    return out;
  }

  /**
   * kube-openapi's JSON type name of a decoded value, as its type errors print it: {@code string},
   * {@code number}, {@code boolean}, {@code array}, {@code object} or {@code null}.
   */
  public static String jsonType(JsonNode v) {
    if (v.isTextual()) {
      return "string";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    if (v.isArray()) {
      return "array";
    }
    return v.isObject() ? "object" : "null";
  }
}
