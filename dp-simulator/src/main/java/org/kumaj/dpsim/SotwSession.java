package org.kumaj.dpsim;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc.AggregatedDiscoveryServiceStub;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * State-of-the-world ADS ({@code StreamAggregatedResources}) as Envoy speaks it: every request of
 * a type carries the type's last accepted version, the latest nonce and the full list of
 * subscribed names (none for a wildcard); a NACK repeats the previously accepted version with an
 * error detail.
 */
final class SotwSession extends SessionSupport<DiscoveryRequest, DiscoveryResponse> {

  SotwSession(Channel channel, ProxyOptions options, Listener listener) {
    super(channel, options, listener);
  }

  @Override
  void open(AggregatedDiscoveryServiceStub stub) {
    stub.streamAggregatedResources(this);
  }

  @Override
  public void subscribe(XdsType type, Set<String> names, Set<String> added, Set<String> removed,
      String acceptedVersion, String lastNonce) {
    send(request(type.typeUrl(), names, acceptedVersion, lastNonce).build());
  }

  @Override
  public void ack(XdsType type, Set<String> names, String version, String nonce) {
    send(request(type.typeUrl(), names, version, nonce).build());
  }

  @Override
  public void nack(String typeUrl, Set<String> names, String acceptedVersion, String nonce,
      String message) {
    send(request(typeUrl, names, acceptedVersion, nonce).setErrorDetail(errorDetail(message))
        .build());
  }

  private DiscoveryRequest.Builder request(String typeUrl, Set<String> names, String version,
      String nonce) {
    DiscoveryRequest.Builder b = DiscoveryRequest.newBuilder()
        .setTypeUrl(typeUrl)
        .setVersionInfo(version)
        .setResponseNonce(nonce)
        .addAllResourceNames(sorted(names));
    setNodeIfDue(b::setNode);
    return b;
  }

  @Override
  public void onNext(DiscoveryResponse response) {
    Optional<XdsType> type = knownType(response.getTypeUrl(), response.getNonce());
    if (type.isEmpty()) {
      return;
    }
    List<Incoming> resources = new ArrayList<>(response.getResourcesCount());
    for (Any any : response.getResourcesList()) {
      resources.add(new Incoming(null, response.getVersionInfo(), any));
    }
    listener.onUpdate(new Update(type.get(), response.getVersionInfo(), response.getNonce(),
        resources, List.of(), true));
  }
}
