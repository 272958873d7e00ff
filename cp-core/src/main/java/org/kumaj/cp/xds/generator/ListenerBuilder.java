package org.kumaj.cp.xds.generator;

import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.core.v3.TrafficDirection;
import io.envoyproxy.envoy.config.listener.v3.ApiListener;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.util.Map;

/**
 * Builds one Envoy {@link Listener}: Kuma's {@code InboundListenerConfigurer} (which also sets
 * {@code enableReusePort}) or {@code OutboundListenerConfigurer}, tags metadata, transparent-proxy
 * binding and filter chains in the order added. Also builds grpc-xds API listeners. Not
 * thread-safe.
 */
final class ListenerBuilder {
  private final Listener.Builder listener;

  private ListenerBuilder(String name, String address, int port, TrafficDirection direction) {
    listener = Listener.newBuilder()
        .setName(name)
        .setAddress(Protos.socket(address, port))
        .setTrafficDirection(direction);
  }

  /** An INBOUND listener; {@code enableReusePort} is set either way, as Kuma does. */
  static ListenerBuilder inbound(String name, String address, int port, boolean reusePort) {
    ListenerBuilder builder = new ListenerBuilder(name, address, port, TrafficDirection.INBOUND);
    builder.listener.setEnableReusePort(Protos.bool(reusePort));
    return builder;
  }

  static ListenerBuilder outbound(String name, String address, int port) {
    return new ListenerBuilder(name, address, port, TrafficDirection.OUTBOUND);
  }

  /**
   * A grpc-xds API listener: no socket, only an HTTP connection manager (gRFC A27). Its name is the
   * authority the client resolves ({@code xds:///<name>}).
   */
  static Listener api(String name, HttpConnectionManager hcm) {
    return Listener.newBuilder()
        .setName(name)
        .setApiListener(ApiListener.newBuilder().setApiListener(Protos.pack(hcm)))
        .build();
  }

  /** Under transparent proxying the listener only receives redirected connections. */
  ListenerBuilder transparent(boolean transparent) {
    if (transparent) {
      listener.setBindToPort(Protos.bool(false));
    }
    return this;
  }

  ListenerBuilder useOriginalDestination() {
    listener.setUseOriginalDst(Protos.bool(true));
    return this;
  }

  /** {@code metadata.filterMetadata["io.kuma.tags"]}. */
  ListenerBuilder tags(Map<String, String> tags) {
    listener.setMetadata(Metadata.newBuilder().putFilterMetadata("io.kuma.tags", Protos.stringStruct(tags)));
    return this;
  }

  ListenerBuilder tlsInspector() {
    listener.addListenerFilters(ListenerFilter.newBuilder()
        .setName("envoy.filters.listener.tls_inspector")
        .setTypedConfig(Protos.pack(TlsInspector.getDefaultInstance())));
    return this;
  }

  ListenerBuilder filterChain(FilterChain chain) {
    listener.addFilterChains(chain);
    return this;
  }

  Listener build() {
    return listener.build();
  }
}
