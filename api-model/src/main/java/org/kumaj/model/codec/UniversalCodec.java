package org.kumaj.model.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import org.kumaj.model.DestinationSpec;
import org.kumaj.model.Kri;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.schema.SchemaValidation;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.ValidationException;

/**
 * Kuma's Universal format (REST JSON and {@code kumactl} YAML): {@code type}, {@code mesh},
 * {@code name}, {@code creationTime}, {@code modificationTime}, {@code labels}, {@code kri}, then the
 * spec, inline for old-style types or under {@code spec}/{@code status} for new-style ones.
 * Unknown fields are ignored, as in Kuma. Stateless and thread-safe.
 */
public final class UniversalCodec {
  /** Fields of the metadata, never part of an inline spec. */
  static final Set<String> META_FIELDS =
      Set.of("type", "mesh", "name", "labels", "creationTime", "modificationTime", "kri");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** The mesh Kuma's schema defaults new-style resources to. */
  static final String DEFAULT_MESH = "default";

  private UniversalCodec() {}

  /**
   * Binds {@code node} as a resource of {@code type} (the body's own {@code type} field is not
   * consulted; callers compare it with what they expect). Times and version are not read: the
   * store sets them.
   *
   * <p>A new-style document is first checked against its type's structural schema, as Kuma's
   * unmarshaller does before binding ({@link SchemaValidation}).
   *
   * @throws ValidationException with every schema violation of a new-style document
   * @throws ResourceDecodeException naming the offending field
   */
  public static Resource decode(ResourceType type, JsonNode node) {
    if (type.style() == SpecStyle.NESTED && node instanceof ObjectNode) {
      SchemaValidation.check(type, node);
    }
    return decodeWithoutSchema(type, node);
  }

  /**
   * {@link #decode} without the schema check: for the Kubernetes form, whose schema Kubernetes
   * checks against the CRD before Kuma sees the object.
   */
  static Resource decodeWithoutSchema(ResourceType type, JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      throw new ResourceDecodeException("", "the resource must be a JSON object");
    }
    String name = metaString(object, "name");
    String mesh = type.isMeshScoped() ? metaString(object, "mesh") : null;
    if (mesh == null && type.isMeshScoped()) {
      // new-style schemas default the mesh; an old-style body without one is left for validation to report
      mesh = type.style() == SpecStyle.NESTED ? DEFAULT_MESH : "";
    }
    ResourceMeta meta = ResourceMeta.of(mesh, name == null ? "" : name, labels(object));
    ResourceSpec spec;
    ObjectNode status = null;
    if (type.style() == SpecStyle.INLINE) {
      ObjectNode specNode = object.deepCopy();
      specNode.remove(META_FIELDS);
      spec = bind(type, specNode, FieldPath.root());
    } else {
      JsonNode specNode = object.get("spec");
      if (specNode != null && !specNode.isNull() && !specNode.isObject()) {
        throw new ResourceDecodeException("spec",
            "in body must be of type object: \"" + SchemaValidation.jsonType(specNode) + "\"");
      }
      JsonNode specDoc = specNode == null || specNode.isNull() ? NODES.objectNode() : specNode.deepCopy();
      type.specDefaults().ifPresent(template -> StructuralDefaults.apply(specDoc, template));
      spec = bind(type, specDoc, FieldPath.of("spec"));
      JsonNode statusNode = object.get("status");
      if (type.hasStatus() && statusNode instanceof ObjectNode s) {
        status = normaliseStatus(type, s);
      }
    }
    return new Resource(type, meta, spec, status);
  }

  /** Renders a resource in the Universal format with Kuma's field order. */
  public static ObjectNode encode(Resource r) {
    ObjectNode out = NODES.objectNode();
    out.put("type", r.type().name());
    if (r.type().isMeshScoped()) {
      out.put("mesh", r.meta().mesh());
    }
    out.put("name", r.meta().name());
    if (r.meta().creationTime() != null) {
      out.put("creationTime", GoTime.format(r.meta().creationTime()));
    }
    if (r.meta().modificationTime() != null) {
      out.put("modificationTime", GoTime.format(r.meta().modificationTime()));
    }
    if (!r.meta().labels().isEmpty()) {
      ObjectNode labels = out.putObject("labels");
      r.meta().labels().forEach(labels::put);
    }
    Kri.of(r.type(), r.meta()).ifPresent(kri -> out.put("kri", kri.toString()));
    if (r.spec() instanceof DestinationSpec destination) {
      List<DestinationSpec.Sni> snis = destination.snis(r.type(), r.meta());
      if (!snis.isEmpty()) {
        out.set("snis", Json.mapper().valueToTree(snis));
      }
    }
    JsonNode spec = Json.mapper().valueToTree(r.spec());
    if (r.type().style() == SpecStyle.INLINE) {
      if (spec instanceof ObjectNode specObject) {
        out.setAll(specObject);
      }
    } else {
      out.set("spec", spec);
      if (r.type().hasStatus()) {
        out.set("status", r.status() != null ? r.status()
            : r.type().emptyStatus().<JsonNode>map(Json.mapper()::valueToTree).orElseGet(NODES::objectNode));
      }
    }
    return out;
  }

  /**
   * Re-renders a status through its typed form, on top of the empty status, as Kuma's status
   * structs render (fields that are plain structs in Go are always present).
   */
  private static ObjectNode normaliseStatus(ResourceType type, ObjectNode status) {
    if (type.statusClass().isEmpty()) {
      return status;
    }
    try {
      ObjectNode typed = Json.mapper().valueToTree(Json.mapper().treeToValue(status, type.statusClass().get()));
      ObjectNode out = type.emptyStatus().<ObjectNode>map(Json.mapper()::valueToTree).orElseGet(NODES::objectNode);
      out.setAll(typed);
      return out;
    } catch (JsonMappingException e) {
      throw translate(e, FieldPath.of("status"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new ResourceDecodeException("status", e.getMessage());
    }
  }

  private static String metaString(ObjectNode object, String field) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new ResourceDecodeException(field, "json: cannot unmarshal " + goKind(v)
          + " into Go struct field ResourceMeta." + field + " of type string");
    }
    return v.asText();
  }

  private static Map<String, String> labels(ObjectNode object) {
    JsonNode v = object.get("labels");
    if (v == null || v.isNull()) {
      return Map.of();
    }
    if (!v.isObject()) {
      throw new ResourceDecodeException("labels", "json: cannot unmarshal " + goKind(v)
          + " into Go struct field ResourceMeta.labels of type map[string]string");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = v.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new ResourceDecodeException(FieldPath.of("labels").key(e.getKey()).toString(),
            "json: cannot unmarshal " + goKind(e.getValue())
                + " into Go struct field ResourceMeta.labels of type string");
      }
      labels.put(e.getKey(), e.getValue().asText());
    }
    return labels;
  }

  private static ResourceSpec bind(ResourceType type, JsonNode node, FieldPath root) {
    try {
      return Json.mapper().treeToValue(node, type.specClass());
    } catch (JsonMappingException e) {
      throw translate(e, root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ResourceDecodeException(root.toString(), e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw new ResourceDecodeException(root.toString(), e.getMessage());
    }
  }

  private static ResourceDecodeException translate(JsonMappingException e, FieldPath root) {
    FieldPath path = root;
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path = path.field(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path = path.index(ref.getIndex());
      }
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      String actual = "unknown";
      if (e.getProcessor() instanceof JsonParser parser && parser.currentToken() != null) {
        actual = kind(parser.currentToken());
      }
      return new ResourceDecodeException(path.toString(),
          "in body must be of type " + expected(mismatch.getTargetType()) + ": \"" + actual + "\"");
    }
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String message = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
    return new ResourceDecodeException(path.toString(), message);
  }

  private static String expected(Class<?> target) {
    if (target == String.class || target.isEnum()) {
      return "string";
    }
    if (target == Integer.class || target == Long.class || target == int.class || target == long.class
        || target == Short.class) {
      return "integer";
    }
    if (Number.class.isAssignableFrom(target) || target == double.class) {
      return "number";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "boolean";
    }
    if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "array";
    }
    return "object";
  }

  private static String kind(JsonToken token) {
    return switch (token) {
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case START_ARRAY, END_ARRAY -> "array";
      case START_OBJECT, END_OBJECT, FIELD_NAME -> "object";
      default -> "null";
    };
  }

  /** Go's encoding/json name for the JSON kind of {@code v}. */
  private static String goKind(JsonNode v) {
    return v.isBoolean() ? "bool" : SchemaValidation.jsonType(v);
  }
}
