package org.kumaj.model.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kumaj.model.Resource;
import org.kumaj.model.SpecStyle;

/**
 * Renders a resource as the Kubernetes object Kuma would store for it ({@code ?format=k8s},
 * {@code kumactl export --format kubernetes}): {@code apiVersion: kuma.io/v1alpha1}, {@code kind},
 * {@code metadata} (name, system namespace for namespaced kinds, creation time, the mesh label of
 * new-style kinds), {@code mesh} for old-style mesh-scoped kinds, {@code spec} and {@code status}.
 * Secrets become core {@code v1 Secret}s of type {@code system.kuma.io/secret} or
 * {@code system.kuma.io/global-secret}. Stateless.
 */
public final class KubernetesCodec {
  /** Kuma's default system namespace. */
  public static final String SYSTEM_NAMESPACE = "kuma-system";
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
      ObjectNode meta = metadata(r, ns, true);
      if (r.type().isMeshScoped()) {
        meta.putObject("labels").put("kuma.io/mesh", r.meta().mesh());
      }
      out.set("metadata", meta);
      JsonNode data = spec.get("data");
      if (data != null) {
        out.putObject("data").set("value", data);
      }
      out.put("type", r.type().isMeshScoped() ? "system.kuma.io/secret" : "system.kuma.io/global-secret");
      return out;
    }
    out.put("apiVersion", "kuma.io/v1alpha1");
    out.put("kind", r.type().name());
    ObjectNode meta = metadata(r, ns, r.type().kubernetesNamespaced());
    if (r.type().isMeshScoped() && r.type().style() == SpecStyle.NESTED) {
      meta.putObject("labels").put("kuma.io/mesh", r.meta().mesh());
    }
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

  private static ObjectNode metadata(Resource r, String namespace, boolean namespaced) {
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
    return meta;
  }
}
