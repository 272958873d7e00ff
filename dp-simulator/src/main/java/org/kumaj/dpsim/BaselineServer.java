package org.kumaj.dpsim;

import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.controlplane.server.DiscoveryServerCallbacks;
import io.envoyproxy.controlplane.server.V3DiscoveryServer;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;

/**
 * The benchmark baseline: a bare java-control-plane {@code SimpleCache} keyed by node id behind a
 * {@code V3DiscoveryServer} (ADS, SotW and delta), on a free port of 127.0.0.1, plaintext or TLS
 * with a generated self-signed certificate for {@code localhost}/{@code 127.0.0.1}. Snapshots are
 * set by the caller, e.g. replayed from what proxies accepted from another control plane.
 *
 * <p>SimpleCache reads the node from every request, so proxies talking to it need
 * {@link ProxyOptions.Builder#nodeOnEveryRequest(boolean) nodeOnEveryRequest(true)}. It records
 * NACKs (with their error detail), the {@code authorization} header and first node of every
 * stream, and counts requests. Thread-safe.
 */
public final class BaselineServer implements AutoCloseable {

  /** A NACK the server received. */
  public record Nack(String nodeId, String typeUrl, String message) {}

  private final SimpleCache<String> cache = new SimpleCache<>(node -> node.getId());
  private final Map<Long, String> streamNodes = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Nack> nacks = new ConcurrentLinkedQueue<>();
  private final AtomicLong requests = new AtomicLong();
  private final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Node> nodes = new ConcurrentLinkedQueue<>();
  private final SelfSigned certificate;
  private final Server server;

  private BaselineServer(boolean tls) throws IOException {
    this.certificate = tls ? SelfSigned.localhost("baseline-xds") : null;
    V3DiscoveryServer discovery = new V3DiscoveryServer(new Recorder(), cache);
    NettyServerBuilder b = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(discovery.getAggregatedDiscoveryServiceImpl(),
            new HeaderRecorder()));
    if (tls) {
      try {
        b.sslContext(GrpcSslContexts.configure(
            SslContextBuilder.forServer(certificate.key(), certificate.certificate())).build());
      } catch (SSLException e) {
        throw new IOException("cannot configure TLS: " + e.getMessage(), e);
      }
    }
    this.server = b.build().start();
  }

  /** Starts a plaintext server on a free port. */
  public static BaselineServer startPlaintext() throws IOException {
    return new BaselineServer(false);
  }

  /** Starts a TLS server on a free port with a fresh self-signed certificate. */
  public static BaselineServer startTls() throws IOException {
    return new BaselineServer(true);
  }

  /** The port. */
  public int port() {
    return server.getPort();
  }

  /** Whether the server uses TLS. */
  public boolean tls() {
    return certificate != null;
  }

  /** The server's certificate (its own CA) when TLS is on; empty otherwise. */
  public List<X509Certificate> certificates() {
    return certificate == null ? List.of() : List.of(certificate.certificate());
  }

  /** The server's certificate as PEM, or {@code ""} for plaintext. */
  public String certificatePem() {
    return certificate == null ? "" : certificate.certificatePem();
  }

  /** Where proxies connect: 127.0.0.1 with TLS verified for authority {@code localhost}. */
  public XdsTarget target() {
    return tls()
        ? XdsTarget.tls("127.0.0.1", port(), certificates(), "localhost")
        : XdsTarget.plaintext("127.0.0.1", port());
  }

  /** The cache, for direct use. */
  public SimpleCache<String> cache() {
    return cache;
  }

  /** Sets the snapshot of one node; open watches are answered at once. */
  public void setSnapshot(String nodeId, Snapshot snapshot) {
    cache.setSnapshot(nodeId, snapshot);
  }

  /**
   * Sets the snapshot of one node to what a proxy accepted (which must retain payloads), with
   * per-type versions that are content hashes.
   */
  public void setSnapshot(String nodeId, XdsView accepted) {
    cache.setSnapshot(nodeId, Snapshots.fromView(accepted));
  }

  /** The NACKs received so far, oldest first. */
  public List<Nack> nacks() {
    return new ArrayList<>(nacks);
  }

  /** The {@code authorization} header of every stream opened so far (streams without one are skipped). */
  public List<String> authorizations() {
    return new ArrayList<>(authorizations);
  }

  /** The node of the first request of every stream so far. */
  public List<Node> nodes() {
    return new ArrayList<>(nodes);
  }

  /** Requests received so far. */
  public long requests() {
    return requests.get();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Keeps the {@code authorization} header of each stream. */
  private final class HeaderRecorder implements ServerInterceptor {
    private final Metadata.Key<String> authorization =
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
        ServerCallHandler<Q, A> next) {
      String value = headers.get(authorization);
      if (value != null) {
        authorizations.add(value);
      }
      return next.startCall(call, headers);
    }
  }

  /** Counts requests and keeps NACKs. */
  private final class Recorder implements DiscoveryServerCallbacks {
    @Override
    public void onV3StreamRequest(long streamId, DiscoveryRequest request) {
      requests.incrementAndGet();
      String node = node(streamId, request.hasNode() ? request.getNode() : null);
      if (request.hasErrorDetail()) {
        nacks.add(new Nack(node, request.getTypeUrl(), request.getErrorDetail().getMessage()));
      }
    }

    @Override
    public void onV3StreamDeltaRequest(long streamId, DeltaDiscoveryRequest request) {
      requests.incrementAndGet();
      String node = node(streamId, request.hasNode() ? request.getNode() : null);
      if (request.hasErrorDetail()) {
        nacks.add(new Nack(node, request.getTypeUrl(), request.getErrorDetail().getMessage()));
      }
    }

    private String node(long streamId, Node node) {
      if (node != null && !node.getId().isEmpty()) {
        if (streamNodes.put(streamId, node.getId()) == null) {
          nodes.add(node);
        }
        return node.getId();
      }
      return streamNodes.getOrDefault(streamId, "");
    }

    @Override
    public void onStreamClose(long streamId, String typeUrl) {
      streamNodes.remove(streamId);
    }

    @Override
    public void onStreamCloseWithError(long streamId, String typeUrl, Throwable error) {
      streamNodes.remove(streamId);
    }
  }
}
