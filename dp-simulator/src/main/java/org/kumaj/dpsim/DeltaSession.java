package org.kumaj.dpsim;

import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc.AggregatedDiscoveryServiceStub;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.Resource;
import io.grpc.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Incremental ADS ({@code DeltaAggregatedResources}) as Envoy speaks it: the first request of a
 * type subscribes (an empty list is the wildcard of listeners and clusters), later ones send only
 * the names added and removed; an ACK carries just the nonce, a NACK adds an error detail.
 */
final class DeltaSession extends SessionSupport<DeltaDiscoveryRequest, DeltaDiscoveryResponse> {

  DeltaSession(Channel channel, ProxyOptions options, Listener listener) {
    super(channel, options, listener);
  }

  @Override
  void open(AggregatedDiscoveryServiceStub stub) {
    stub.deltaAggregatedResources(this);
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
    setNodeIfDue(b::setNode);
    return b;
  }

  @Override
  public void onNext(DeltaDiscoveryResponse response) {
    Optional<XdsType> type = knownType(response.getTypeUrl(), response.getNonce());
    if (type.isEmpty()) {
      return;
    }
    List<Incoming> resources = new ArrayList<>(response.getResourcesCount());
    for (Resource r : response.getResourcesList()) {
      resources.add(new Incoming(r.getName(), r.getVersion(), r.getResource()));
    }
    listener.onUpdate(new Update(type.get(), response.getSystemVersionInfo(), response.getNonce(),
        resources, List.copyOf(response.getRemovedResourcesList()), false));
  }
}
