package org.kumaj.cp.xds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.regex_engines.v3.GoogleRE2;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import org.kumaj.model.codec.Json;

/**
 * Renders Envoy protos as JSON or YAML the way Kuma does (protojson field names), with a type
 * registry for the {@code Any} payloads our generators use. Thread-safe.
 */
public final class XdsProtos {
  private static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
      .add(HttpConnectionManager.getDescriptor())
      .add(TcpProxy.getDescriptor())
      .add(Router.getDescriptor())
      .add(UpstreamTlsContext.getDescriptor())
      .add(DownstreamTlsContext.getDescriptor())
      .add(HttpProtocolOptions.getDescriptor())
      .add(GoogleRE2.getDescriptor())
      .build();
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(TYPES);

  private XdsProtos() {}

  /** The proto as JSON text. */
  public static String toJson(MessageOrBuilder message) {
    try {
      return PRINTER.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot render " + message.getClass().getSimpleName(), e);
    }
  }

  /** The proto as YAML text (keys in proto order). */
  public static String toYaml(MessageOrBuilder message) {
    try {
      return Json.yaml().writeValueAsString(Json.mapper().readTree(toJson(message)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render YAML", e);
    }
  }
}
