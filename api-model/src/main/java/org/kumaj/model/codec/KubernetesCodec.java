package org.kumaj.model.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.SpecStyle;

/**
 * Kuma's Kubernetes form of a resource ({@code ?format=k8s}, {@code kumactl export --format
 * kubernetes}): {@code apiVersion: kuma.io/v1alpha1}, {@code kind}, {@code metadata} (name, system
 * namespace for namespaced kinds, creation time, the mesh label of new-style kinds), {@code mesh}
 * for old-style mesh-scoped kinds, {@code spec} and {@code status}. Secrets become core
 * {@code v1 Secret}s of type {@code system.kuma.io/secret} or {@code system.kuma.io/global-secret}.
 *
 * <p>{@link #encode} renders what Kuma's inference mapper renders plus the resource's labels in
 * {@code metadata.labels} (Kuma's mapper drops them, losing what derived names such as SNIs depend
 * on). {@link #decode} reads such an object, or one taken from a cluster, back; so name, mesh,
 * labels, spec and status round-trip exactly. Stateless.
 */
public final class KubernetesCodec {
  /** Kuma's default system namespace. */
  public static final String SYSTEM_NAMESPACE = "kuma-system";
  private static final String API_VERSION = "kuma.io/v1alpha1";
  private static final String MESH_LABEL = "kuma.io/mesh";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private KubernetesCodec() {}

  /**
   * Renders {@code r}.
   *
   * @param namespace the namespace to use for namespaced kinds; empty for the system namespace
   */
  public static ObjectNode encode(Resource r, String namespace) {
    String ns = namespace == null || namespace.isEmpty() ? SYSTEM_NAMESPACE : namespace;
    ObjectNode spec = Json.mapper().valueToTree(r.spec());
    ObjectNode out = NODES.objectNode();
    if (r.type().adminOnly()) {
      out.put("apiVersion", "v1");
      out.put("kind", "Secret");
      out.set("metadata", metadata(r, ns, true, r.type().isMeshScoped()));
      JsonNode data = spec.get("data");
      if (data != null) {
        out.putObject("data").set("value", data);
      }
      out.put("type", r.type().isMeshScoped() ? "system.kuma.io/secret" : "system.kuma.io/global-secret");
      return out;
    }
    out.put("apiVersion", API_VERSION);
    out.put("kind", r.type().name());
    ObjectNode meta = metadata(r, ns, r.type().kubernetesNamespaced(),
        r.type().isMeshScoped() && r.type().style() == SpecStyle.NESTED);
    if (r.type().isMeshScoped() && r.type().style() == SpecStyle.INLINE) {
      out.put("mesh", r.meta().mesh());
    }
    out.set("metadata", meta);
    out.set("spec", spec);
    if (r.type().hasStatus() && r.status() != null) {
      out.set("status", r.status());
    }
    return out;
  }

  /**
   * Binds a Kubernetes object as the resource it describes. The kind (or, for a core
   * {@code Secret}, its {@code type}) selects the resource type; {@code metadata.labels} become the
   * labels; times are not read (the store sets them).
   *
   * @throws ResourceDecodeException naming the offending field, in the Kubernetes document's paths
   */
  public static Resource decode(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      throw new ResourceDecodeException("", "the resource must be a JSON object");
    }
    String apiVersion = text(object, "apiVersion");
    String kind = text(object, "kind");
    JsonNode metadata = object.get("metadata");
    if (!(metadata instanceof ObjectNode meta)) {
      throw new ResourceDecodeException("metadata", "must be an object");
    }
    ObjectNode universal = NODES.objectNode();
    universal.set("name", meta.get("name"));
    JsonNode labels = meta.get("labels");
    if (labels != null && !labels.isNull()) {
      universal.set("labels", labels);
    }
    String meshLabel = labels == null ? null : labels.path(MESH_LABEL).textValue();
    if ("v1".equals(apiVersion) && "Secret".equals(kind)) {
      return decodeSecret(object, universal, meshLabel);
    }
    if (!API_VERSION.equals(apiVersion)) {
      throw new ResourceDecodeException("apiVersion", "must be " + API_VERSION + " (or v1 for a Secret)");
    }
    ResourceType type = ResourceTypes.byName(kind == null ? "" : kind).filter(t -> !t.adminOnly())
        .orElseThrow(() -> new ResourceDecodeException("kind", "unknown kind \"" + kind + "\""));
    JsonNode spec = object.get("spec");
    if (spec != null && !spec.isNull() && !spec.isObject()) {
      throw new ResourceDecodeException("spec", "must be an object");
    }
    if (type.style() == SpecStyle.INLINE) {
      if (type.isMeshScoped()) {
        universal.set("mesh", object.get("mesh"));
      }
      if (spec instanceof ObjectNode inline) {
        ObjectNode fields = inline.deepCopy();
        fields.remove(UniversalCodec.META_FIELDS);
        universal.setAll(fields);
      }
      try {
        return UniversalCodec.decodeWithoutSchema(type, universal);
      } catch (ResourceDecodeException e) {
        throw e.field().isEmpty() || UniversalCodec.META_FIELDS.contains(e.field())
            ? e : new ResourceDecodeException("spec." + e.field(), e.reason());
      }
    }
    if (type.isMeshScoped() && meshLabel != null) {
      universal.put("mesh", meshLabel);
    }
    universal.set("spec", spec);
    universal.set("status", object.get("status"));
    return UniversalCodec.decodeWithoutSchema(type, universal);
  }

  private static Resource decodeSecret(ObjectNode object, ObjectNode universal, String meshLabel) {
    String secretType = text(object, "type");
    ResourceType type;
    if ("system.kuma.io/secret".equals(secretType)) {
      type = ResourceTypes.byName("Secret").orElseThrow();
      universal.put("mesh", meshLabel == null ? UniversalCodec.DEFAULT_MESH : meshLabel);
    } else if ("system.kuma.io/global-secret".equals(secretType)) {
      type = ResourceTypes.byName("GlobalSecret").orElseThrow();
    } else {
      throw new ResourceDecodeException("type", "must be system.kuma.io/secret or system.kuma.io/global-secret");
    }
    JsonNode data = object.path("data").get("value");
    if (data != null) {
      universal.set("data", data);
    }
    try {
      return UniversalCodec.decodeWithoutSchema(type, universal);
    } catch (ResourceDecodeException e) {
      throw "data".equals(e.field()) ? new ResourceDecodeException("data.value", e.reason()) : e;
    }
  }

  private static String text(ObjectNode object, String field) {
    JsonNode value = object.get(field);
    return value == null ? null : value.textValue();
  }

  /**
   * Name, namespace, creation time and labels: the resource's own labels (what Kuma keeps in
   * {@code metadata.labels} on Kubernetes), plus the mesh label where Kuma's mapper sets it.
   */
  private static ObjectNode metadata(Resource r, String namespace, boolean namespaced, boolean meshLabel) {
    ObjectNode meta = NODES.objectNode();
    if (r.meta().creationTime() != null) {
      meta.put("creationTimestamp", GoTime.format(r.meta().creationTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    } else {
      meta.putNull("creationTimestamp");
    }
    meta.put("name", r.meta().name());
    if (namespaced) {
      meta.put("namespace", namespace);
    }
    java.util.Map<String, String> labels = new java.util.TreeMap<>(r.meta().labels());
    if (meshLabel) {
      labels.put(MESH_LABEL, r.meta().mesh());
    }
    if (!labels.isEmpty()) {
      ObjectNode out = meta.putObject("labels");
      labels.forEach(out::put);
    }
    return meta;
  }
}
