package org.kumaj.cp.xds;

import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Supports Envoy's {@code set_node_on_first_message_only: true}, which Kuma's bootstrap sets: Envoy
 * then sends its node only on the first request of an ADS stream. java-control-plane's cache reads
 * the node (the snapshot group) from every request, so this interceptor copies the node of the
 * stream's first request into the later requests that carry none (go-control-plane, under Kuma,
 * remembers it per stream the same way). A later request with a node of its own is passed as it is.
 * One listener per call; a call's messages arrive one at a time.
 */
final class NodeOnFirstMessageInterceptor implements ServerInterceptor {

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
      private Node node;

      @Override
      @SuppressWarnings("unchecked")
      public void onMessage(Q message) {
        if (message instanceof DiscoveryRequest r) {
          if (r.hasNode()) {
            node = r.getNode();
          } else if (node != null) {
            message = (Q) r.toBuilder().setNode(node).build();
          }
        } else if (message instanceof DeltaDiscoveryRequest r) {
          if (r.hasNode()) {
            node = r.getNode();
          } else if (node != null) {
            message = (Q) r.toBuilder().setNode(node).build();
          }
        }
        super.onMessage(message);
      }
    };
  }
}
