package org.kumaj.cp.xds.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.http.grpc_stats.v3.FilterConfig;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.kumaj.cp.xds.XdsResources;

/**
 * Renders generated resources as Kuma renders its generator goldens: {@code resources:} entries of
 * {@code name} and {@code resource} (with {@code '@type'}), clusters, endpoints, listeners, routes
 * then secrets, keys sorted, protobuf JSON names.
 */
final class GoldenYaml {
  private static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
      .add(List.of(Cluster.getDescriptor(), ClusterLoadAssignment.getDescriptor(), Listener.getDescriptor(),
          RouteConfiguration.getDescriptor(), Secret.getDescriptor(), HttpConnectionManager.getDescriptor(),
          TcpProxy.getDescriptor(), RBAC.getDescriptor(), Router.getDescriptor(), FilterConfig.getDescriptor(),
          TlsInspector.getDescriptor(), DownstreamTlsContext.getDescriptor(), UpstreamTlsContext.getDescriptor(),
          HttpProtocolOptions.getDescriptor()))
      .build();
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(TYPES);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .build());

  private GoldenYaml() {}

  static String render(XdsResources resources) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    addAll(list, resources.clusters(), Cluster::getName);
    addAll(list, resources.endpoints(), ClusterLoadAssignment::getClusterName);
    addAll(list, resources.listeners(), Listener::getName);
    addAll(list, resources.routes(), RouteConfiguration::getName);
    addAll(list, resources.secrets(), Secret::getName);
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("resources", list);
    try {
      return YAML.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One message as protobuf JSON (Any-packed fields resolved). */
  static JsonNode json(Message message) {
    try {
      return sorted(JSON.readTree(PRINTER.print(message)));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a type is missing from the golden type registry", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T extends Message> void addAll(ArrayNode list, List<T> messages, Function<T, String> name) {
    for (T message : messages) {
      ObjectNode entry = list.addObject();
      entry.put("name", name.apply(message));
      entry.set("resource", json(Any.pack(message)));
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      node.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue())));
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      fields.forEach(copy::set);
      return copy;
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(item -> items.add(sorted(item)));
      return JsonNodeFactory.instance.arrayNode().addAll(items);
    }
    return node;
  }
}
