package org.kumaj.cp.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.manager.MeshCreatedHook;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.store.ResourceAlreadyExistsException;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.codec.Json;
import org.kumaj.model.codec.UniversalCodec;
import org.kumaj.model.mesh.Mesh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the policies Kuma 2.14 gives every new mesh ({@code pkg/defaults/mesh/mesh.go}):
 * {@code mesh-gateways-timeout-all-<mesh>}, {@code mesh-timeout-all-<mesh>},
 * {@code mesh-circuit-breaker-all-<mesh>} and {@code mesh-retry-all-<mesh>}, plus
 * {@code allow-all-<mesh>} and {@code route-all-<mesh>} with
 * {@code defaults.createMeshRoutingResources}. A type named in the mesh's
 * {@code skipCreatingInitialPolicies}, or {@code *} there, is skipped. Existing policies are left
 * alone, so the hook is idempotent and safe when two instances race. The policy bodies live in
 * {@code mesh-default-policies.yaml} next to this class.
 */
@Singleton
@Order(10)
final class MeshDefaultPoliciesHook implements MeshCreatedHook {
  private static final Logger LOG = LoggerFactory.getLogger("defaults");
  private static final List<DefaultPolicy> POLICIES = load();

  private final boolean createRoutingResources;

  MeshDefaultPoliciesHook(KumaConfig config) {
    this.createRoutingResources = config.bool("defaults.createMeshRoutingResources");
  }

  @Override
  public void meshCreated(Resource mesh, ResourceManager manager) {
    String meshName = mesh.meta().name();
    List<String> skipped = ((Mesh) mesh.spec()).skipCreatingInitialPolicies();
    if (skipped != null && skipped.contains("*")) {
      LOG.info("skipping all default policy creation for mesh {}", meshName);
      return;
    }
    for (DefaultPolicy policy : POLICIES) {
      if (policy.routing() && !createRoutingResources) {
        continue;
      }
      String name = policy.prefix() + "-" + meshName;
      if (skipped != null && skipped.contains(policy.type().name())) {
        LOG.info("skipping default {} creation name={}", policy.type().name(), name);
        continue;
      }
      if (manager.get(new ResourceKey(policy.type(), meshName, name)).isPresent()) {
        continue;
      }
      try {
        manager.create(policy.instantiate(meshName, name));
        LOG.info("default {} created name={}", policy.type().name(), name);
      } catch (ResourceAlreadyExistsException raced) {
        LOG.debug("default {} {} was created concurrently", policy.type().name(), name);
      }
    }
  }

  private static List<DefaultPolicy> load() {
    try (InputStream in = MeshDefaultPoliciesHook.class.getResourceAsStream("mesh-default-policies.yaml");
        MappingIterator<ObjectNode> docs = Json.yaml().readerFor(ObjectNode.class).readValues(in)) {
      return docs.readAll().stream().map(DefaultPolicy::of).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("mesh-default-policies.yaml is unreadable", e);
    }
  }

  /** One default policy: the name prefix, its type and its Universal body without name and mesh. */
  private record DefaultPolicy(String prefix, ResourceType type, boolean routing, ObjectNode body) {
    static DefaultPolicy of(ObjectNode doc) {
      String prefix = doc.remove("prefix").asText();
      JsonNode routing = doc.remove("routing");
      ResourceType type = ResourceTypes.byName(doc.get("type").asText()).orElseThrow();
      return new DefaultPolicy(prefix, type, routing != null && routing.asBoolean(), doc);
    }

    Resource instantiate(String mesh, String name) {
      ObjectNode node = body.deepCopy();
      node.put("mesh", mesh);
      node.put("name", name);
      return UniversalCodec.decode(type, node);
    }
  }
}
