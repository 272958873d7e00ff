package org.kumaj.cp.xds;

import io.envoyproxy.controlplane.server.DiscoveryServerCallbacks;
import io.envoyproxy.controlplane.server.exception.RequestException;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.grpc.Status;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.tokens.InvalidTokenException;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.mesh.Dataplane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first callbacks of every ADS stream: on the stream's first request, identify the proxy from
 * its node id, authenticate its credential (the gRPC {@code authorization} metadata) against its
 * Dataplane, and register the stream with {@link ConnectedProxies}; a later request with another
 * node id is refused. A refused stream is closed with UNAUTHENTICATED or PERMISSION_DENIED before
 * any configuration is sent, with one log line. Thread-safe.
 */
@Singleton
@Order(1)
@Requires(property = "kumaj.listeners.dp-server.port")
final class ProxyStreamCallbacks implements DiscoveryServerCallbacks {
  private static final Logger LOG = LoggerFactory.getLogger("xds.auth");

  private final ProxyAuthenticator authenticator;
  private final ConnectedProxies proxies;
  private final DataplaneLifecycle lifecycle;
  private final ResourceManager manager;
  private final Map<Long, ProxyId> streams = new ConcurrentHashMap<>();

  ProxyStreamCallbacks(ProxyAuthenticator authenticator, ConnectedProxies proxies, DataplaneLifecycle lifecycle,
      ResourceManager manager) {
    this.authenticator = authenticator;
    this.proxies = proxies;
    this.lifecycle = lifecycle;
    this.manager = manager;
  }

  @Override
  public void onV3StreamRequest(long streamId, DiscoveryRequest request) throws RequestException {
    onRequest(streamId, request.getNode());
  }

  @Override
  public void onV3StreamDeltaRequest(long streamId, DeltaDiscoveryRequest request) throws RequestException {
    onRequest(streamId, request.getNode());
  }

  private void onRequest(long streamId, Node node) throws RequestException {
    ProxyId known = streams.get(streamId);
    if (known != null) {
      if (!node.getId().isEmpty() && !node.getId().equals(known.toString())) {
        LOG.warn("stream {} of {} switched its node id to \"{}\"; closing it", streamId, known, node.getId());
        throw new RequestException(Status.PERMISSION_DENIED.withDescription("node id cannot change within a stream"));
      }
      return;
    }
    ProxyId id;
    try {
      id = ProxyId.parse(node.getId());
    } catch (IllegalArgumentException e) {
      LOG.warn("stream {} refused: {}", streamId, e.getMessage());
      throw new RequestException(Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
    }
    String registered = NodeMetadata.dataplaneResource(node);
    Optional<Resource> dataplane = registered.isEmpty()
        ? manager.get(new ResourceKey(Dataplane.TYPE, id.mesh(), id.name()))
        : lifecycle.parse(id, registered);
    if (dataplane.isEmpty()) {
      LOG.warn("stream {} of {} refused: no such Dataplane", streamId, id);
      throw new RequestException(Status.NOT_FOUND.withDescription("Dataplane " + id + " does not exist"));
    }
    String credential = AuthorizationInterceptor.CREDENTIAL.get();
    if (authenticator.credentialRequired() && (credential == null || credential.isEmpty())) {
      LOG.warn("stream {} of {} refused: no dataplane token", streamId, id);
      throw new RequestException(Status.UNAUTHENTICATED.withDescription("a dataplane token is required"));
    }
    try {
      authenticator.authenticate(credential, id, dataplane.get());
    } catch (InvalidTokenException e) {
      LOG.warn("stream {} of {} refused: {}", streamId, id, e.getMessage());
      throw new RequestException(Status.PERMISSION_DENIED.withDescription(e.getMessage()));
    }
    if (!registered.isEmpty()) {
      lifecycle.register(id, dataplane.get());
    }
    streams.put(streamId, id);
    proxies.register(streamId, id, NodeMetadata.of(node), registered);
  }

  @Override
  public void onStreamClose(long streamId, String typeUrl) {
    closed(streamId);
  }

  @Override
  public void onStreamCloseWithError(long streamId, String typeUrl, Throwable error) {
    closed(streamId);
  }

  private void closed(long streamId) {
    streams.remove(streamId);
    proxies.unregister(streamId);
  }
}
