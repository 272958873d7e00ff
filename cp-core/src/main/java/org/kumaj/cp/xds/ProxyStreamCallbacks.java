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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.tokens.InvalidTokenException;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.Mesh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first callbacks of every ADS stream: on the stream's first request, identify the proxy from
 * its node id, authenticate its credential (the gRPC {@code authorization} metadata) against its
 * Dataplane, and register the stream with {@link ConnectedProxies}; a later request with another
 * node id is refused. A refused stream is closed with UNAUTHENTICATED, PERMISSION_DENIED, NOT_FOUND or
 * INVALID_ARGUMENT before any configuration is sent, with one log line. A NACK is logged once per
 * cause, not once per retry. Thread-safe.
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
  private final Set<Long> refused = ConcurrentHashMap.newKeySet();
  private final Map<Long, Rejection> rejections = new ConcurrentHashMap<>();

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
    if (!request.getResponseNonce().isEmpty()) {
      onAnswer(streamId, request.getTypeUrl(), request.getVersionInfo(), request.hasErrorDetail()
          ? request.getErrorDetail().getMessage() : null);
    }
  }

  @Override
  public void onV3StreamDeltaRequest(long streamId, DeltaDiscoveryRequest request) throws RequestException {
    onRequest(streamId, request.getNode());
    if (!request.getResponseNonce().isEmpty()) {
      onAnswer(streamId, request.getTypeUrl(), request.getResponseNonce(), request.hasErrorDetail()
          ? request.getErrorDetail().getMessage() : null);
    }
  }

  private void onRequest(long streamId, Node node) throws RequestException {
    ProxyId known = streams.get(streamId);
    if (known != null) {
      if (!node.getId().isEmpty() && !node.getId().equals(known.toString())) {
        throw refuse(streamId, known.toString(), Status.PERMISSION_DENIED,
            "it switched its node id to \"" + node.getId() + "\"", "node id cannot change within a stream");
      }
      return;
    }
    ProxyId id;
    try {
      id = ProxyId.parse(node.getId());
    } catch (IllegalArgumentException e) {
      throw refuse(streamId, "with node id \"" + node.getId() + "\"", Status.INVALID_ARGUMENT, e.getMessage(),
          e.getMessage());
    }
    String registered = NodeMetadata.dataplaneResource(node);
    Optional<Resource> dataplane;
    if (registered.isEmpty()) {
      if (manager.get(ResourceKey.global(Mesh.TYPE, id.mesh())).isEmpty()) {
        throw refuse(streamId, id.toString(), Status.NOT_FOUND, "mesh \"" + id.mesh() + "\" does not exist",
            "mesh " + id.mesh() + " does not exist");
      }
      dataplane = manager.get(new ResourceKey(Dataplane.TYPE, id.mesh(), id.name()));
      if (dataplane.isEmpty()) {
        throw refuse(streamId, id.toString(), Status.NOT_FOUND, "no such Dataplane",
            "Dataplane " + id + " does not exist");
      }
    } else {
      try {
        dataplane = Optional.of(lifecycle.parse(id, registered));
      } catch (IllegalArgumentException e) {
        throw refuse(streamId, id.toString(), Status.INVALID_ARGUMENT, "the Dataplane it passed is invalid: "
            + e.getMessage(), "invalid Dataplane: " + e.getMessage());
      }
      if (manager.get(ResourceKey.global(Mesh.TYPE, id.mesh())).isEmpty()) {
        throw refuse(streamId, id.toString(), Status.NOT_FOUND, "mesh \"" + id.mesh() + "\" does not exist",
            "mesh " + id.mesh() + " does not exist");
      }
    }
    String credential = AuthorizationInterceptor.CREDENTIAL.get();
    if (authenticator.credentialRequired() && (credential == null || credential.isEmpty())) {
      throw refuse(streamId, id.toString(), Status.UNAUTHENTICATED, "no dataplane token",
          "a dataplane token is required");
    }
    try {
      authenticator.authenticate(credential, id, dataplane.get());
    } catch (InvalidTokenException e) {
      throw refuse(streamId, id.toString(), Status.PERMISSION_DENIED, e.getMessage(), e.getMessage());
    }
    if (!registered.isEmpty()) {
      lifecycle.register(id, dataplane.get());
    }
    streams.put(streamId, id);
    proxies.register(streamId, id, NodeMetadata.of(node), registered, NodeMetadata.version(node));
  }

  /** The one log line of a refused stream, and the exception that closes it with {@code status}. */
  private RequestException refuse(long streamId, String who, Status status, String reason, String description) {
    refused.add(streamId);
    LOG.warn("ADS stream {} of {} from {} refused ({}): {}", streamId, who, AuthorizationInterceptor.PEER.get(),
        status.getCode(), reason);
    return new RequestException(status.withDescription(description));
  }

  /**
   * An ACK or NACK. A NACK is logged once, not once per retry: again only when the rejection's text
   * changes, or after the proxy accepted the type it had rejected.
   */
  private void onAnswer(long streamId, String typeUrl, String version, String error) {
    ProxyId id = streams.get(streamId);
    if (id == null) {
      return;
    }
    if (error == null) {
      rejections.computeIfPresent(streamId, (k, r) -> r.typeUrl().equals(typeUrl) ? null : r);
      return;
    }
    Rejection previous = rejections.put(streamId, new Rejection(typeUrl, error));
    if (previous == null || !previous.error().equals(error)) {
      LOG.warn("{} rejected the {} configuration it was sent (version {}): {}; resending after the NACK backoff",
          id, shortType(typeUrl), version, error);
    } else {
      LOG.debug("{} rejected the {} configuration again: {}", id, shortType(typeUrl), error);
    }
  }

  private record Rejection(String typeUrl, String error) {}

  private static String shortType(String typeUrl) {
    int dot = typeUrl.lastIndexOf('.');
    return dot < 0 ? typeUrl : typeUrl.substring(dot + 1);
  }

  @Override
  public void onStreamClose(long streamId, String typeUrl) {
    closed(streamId);
  }

  @Override
  public void onStreamCloseWithError(long streamId, String typeUrl, Throwable error) {
    boolean wasRefused = refused.remove(streamId);
    ProxyId id = streams.get(streamId);
    Status status = Status.fromThrowable(error);
    if (!wasRefused && status.getCode() != Status.Code.CANCELLED) {
      // java-control-plane's own line is switched off in LogbackConfigurator: this is the one line
      LOG.warn("ADS stream {}{} closed with an error: {}", streamId, id == null ? "" : " of " + id,
          status.getDescription() == null ? status.getCode() : status.getCode() + " " + status.getDescription());
    }
    closed(streamId);
  }

  private void closed(long streamId) {
    refused.remove(streamId);
    rejections.remove(streamId);
    streams.remove(streamId);
    proxies.unregister(streamId);
  }
}
