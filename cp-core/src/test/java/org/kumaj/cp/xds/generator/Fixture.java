package org.kumaj.cp.xds.generator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.kumaj.cp.xds.Endpoint;
import org.kumaj.cp.xds.IdentityMaterial;
import org.kumaj.cp.xds.MeshView;
import org.kumaj.cp.xds.ProxyContext;
import org.kumaj.cp.xds.ProxyId;
import org.kumaj.cp.xds.ProxyMetadata;
import org.kumaj.model.Resource;
import org.kumaj.model.codec.Json;
import org.kumaj.model.codec.UniversalCodec;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.Mesh;

/**
 * A generator input read from one YAML document:
 *
 * <pre>
 * mesh: {type: Mesh, name: ..., ...}            # Universal format; default: mesh "default"
 * dataplane: {type: Dataplane, ...}             # the proxy
 * dataplanes: [{type: Dataplane, ...}, ...]     # the other Dataplanes of the mesh
 * endpoints: {service: [{address, port, tags, healthy}]}   # more endpoints (e.g. other zones)
 * metadata: {adminAddress, adminPort, readinessPort, features, proxylessGrpc}
 * identity: {certificateChainPem, privateKeyPem, trustedCaPems}
 * </pre>
 *
 * The mesh's endpoints are built from every Dataplane (the proxy included) the way Kuma's
 * {@code fillDataplaneOutbounds} does, keeping not-ready inbounds as unhealthy endpoints.
 */
final class Fixture {
  private Fixture() {}

  static ProxyContext read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ProxyContext parse(String yaml) {
    JsonNode root;
    try {
      root = Json.yaml().readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Resource mesh = root.has("mesh")
        ? UniversalCodec.decode(Mesh.TYPE, root.get("mesh"))
        : new Resource(Mesh.TYPE, org.kumaj.model.ResourceMeta.of(null, "default", Map.of()), Mesh.EMPTY);
    Resource dataplane = UniversalCodec.decode(Dataplane.TYPE, root.get("dataplane"));
    List<Resource> dataplanes = new ArrayList<>();
    dataplanes.add(dataplane);
    root.path("dataplanes").forEach(dp -> dataplanes.add(UniversalCodec.decode(Dataplane.TYPE, dp)));

    Map<String, List<Endpoint>> endpoints = new TreeMap<>();
    dataplanes.forEach(dp -> addEndpoints(dp.spec(Dataplane.class), endpoints));
    root.path("endpoints").fields().forEachRemaining(e -> e.getValue().forEach(ep -> endpoints
        .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
        .add(new Endpoint(ep.path("address").asText(), ep.path("port").asInt(), strings(ep.path("tags")),
            ep.path("healthy").asBoolean(true)))));
    endpoints.values().forEach(list -> list.sort(
        Comparator.comparing(Endpoint::address).thenComparingInt(Endpoint::port)));

    JsonNode meta = root.path("metadata");
    Set<String> features = new HashSet<>();
    meta.path("features").forEach(f -> features.add(f.asText()));
    ProxyMetadata metadata = new ProxyMetadata(
        meta.path("adminAddress").asText("127.0.0.1"),
        meta.path("adminPort").asInt(0),
        meta.path("readinessPort").asInt(0),
        features, "", "",
        meta.path("proxylessGrpc").asBoolean(false));

    Optional<IdentityMaterial> identity = Optional.empty();
    if (root.has("identity")) {
      JsonNode id = root.get("identity");
      List<String> cas = new ArrayList<>();
      id.path("trustedCaPems").forEach(ca -> cas.add(ca.asText()));
      identity = Optional.of(new IdentityMaterial(id.path("certificateChainPem").asText(),
          id.path("privateKeyPem").asText(), cas, "ca-1", java.time.Instant.EPOCH));
    }

    MeshView view = new MeshView(mesh, dataplanes, endpoints, "1");
    return new ProxyContext(new ProxyId(mesh.meta().name(), dataplane.meta().name()), dataplane, view, metadata, identity);
  }

  /** Kuma's {@code fillDataplaneOutbounds}, keeping not-ready inbounds with {@code healthy=false}. */
  private static void addEndpoints(Dataplane dp, Map<String, List<Endpoint>> endpoints) {
    Dataplane.Networking net = dp.networking();
    if (net == null || net.inbound() == null) {
      return;
    }
    for (Dataplane.Inbound in : net.inbound()) {
      String service = in.service();
      if (service.isEmpty() || Dataplane.Inbound.IGNORED.equals(in.state())) {
        continue;
      }
      String address = net.advertisedAddress() != null ? net.advertisedAddress()
          : in.address() != null ? in.address() : net.address();
      boolean healthy = (in.state() == null || Dataplane.Inbound.READY.equals(in.state()))
          && (in.health() == null || !Boolean.FALSE.equals(in.health().ready()));
      endpoints.computeIfAbsent(service, k -> new ArrayList<>())
          .add(new Endpoint(address, in.port(), in.tags(), healthy));
    }
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> map = new TreeMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
