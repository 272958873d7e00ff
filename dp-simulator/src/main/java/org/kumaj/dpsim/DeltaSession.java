package org.kumaj.dpsim;

import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.Resource;
import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Incremental ADS ({@code DeltaAggregatedResources}) as Envoy speaks it: the first request of a
 * type subscribes (an empty list is the wildcard of listeners and clusters), later ones send only
 * the names added and removed; an ACK carries just the nonce, a NACK adds an error detail.
 */
final class DeltaSession extends SessionSupport<DeltaDiscoveryRequest>
    implements AdsSession, ClientResponseObserver<DeltaDiscoveryRequest, DeltaDiscoveryResponse> {
  private final Channel channel;
  private final Listener listener;

  DeltaSession(Channel channel, ProxyOptions options, Listener listener) {
    super(options);
    this.channel = channel;
    this.listener = listener;
  }

  @Override
  public void start() {
    AggregatedDiscoveryServiceGrpc.newStub(channel).withInterceptors(headerInterceptor())
        .deltaAggregatedResources(this);
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<DeltaDiscoveryRequest> requests) {
    attach(requests);
  }

  @Override
  public void subscribe(XdsType type, Set<String> names, Set<String> added, Set<String> removed,
      String acceptedVersion, String lastNonce) {
    send(request(type.typeUrl())
        .addAllResourceNamesSubscribe(sorted(added))
        .addAllResourceNamesUnsubscribe(sorted(removed))
        .build());
  }

  @Override
  public void ack(XdsType type, Set<String> names, String version, String nonce) {
    send(request(type.typeUrl()).setResponseNonce(nonce).build());
  }

  @Override
  public void nack(String typeUrl, Set<String> names, String acceptedVersion, String nonce,
      String message) {
    send(request(typeUrl).setResponseNonce(nonce).setErrorDetail(errorDetail(message)).build());
  }

  private DeltaDiscoveryRequest.Builder request(String typeUrl) {
    DeltaDiscoveryRequest.Builder b = DeltaDiscoveryRequest.newBuilder().setTypeUrl(typeUrl);
    Node node = nextNode();
    if (node != null) {
      b.setNode(node);
    }
    return b;
  }

  @Override
  public void cancel(String reason) {
    cancelCall(reason);
  }

  @Override
  public void onNext(DeltaDiscoveryResponse response) {
    Optional<XdsType> type = XdsType.fromTypeUrl(response.getTypeUrl());
    if (type.isEmpty()) {
      listener.onUnknownType(response.getTypeUrl(), response.getNonce());
      return;
    }
    List<Incoming> resources = new ArrayList<>(response.getResourcesCount());
    for (Resource r : response.getResourcesList()) {
      resources.add(new Incoming(r.getName(), r.getVersion(), r.getResource()));
    }
    listener.onUpdate(new Update(type.get(), response.getSystemVersionInfo(), response.getNonce(),
        resources, List.copyOf(response.getRemovedResourcesList()), false));
  }

  @Override
  public void onError(Throwable t) {
    if (!cancelled()) {
      listener.onStreamError(t);
    }
  }

  @Override
  public void onCompleted() {
    if (!cancelled()) {
      listener.onStreamCompleted();
    }
  }
}
