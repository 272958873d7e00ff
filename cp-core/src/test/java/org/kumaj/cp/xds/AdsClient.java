package org.kumaj.cp.xds;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;

/**
 * A minimal SotW ADS client for tests: it ACKs every response, records them per type, and lets a
 * test wait (polling with a deadline) for a response that satisfies a predicate.
 */
final class AdsClient implements AutoCloseable {
  private final ManagedChannel channel;
  private final StreamObserver<DiscoveryRequest> requests;
  private final Node node;
  private final List<DiscoveryResponse> responses = new CopyOnWriteArrayList<>();
  private final Map<String, DiscoveryResponse> latest = new ConcurrentHashMap<>();
  private volatile Status closed;

  AdsClient(int port, X509Certificate ca, String nodeId, String token, Map<String, String> metadata) throws SSLException {
    channel = NettyChannelBuilder.forAddress("localhost", port)
        .sslContext(GrpcSslContexts.forClient().trustManager(ca).build()).build();
    Metadata headers = new Metadata();
    if (token != null) {
      headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), token);
    }
    Struct.Builder meta = Struct.newBuilder();
    metadata.forEach((k, v) -> meta.putFields(k, Value.newBuilder().setStringValue(v).build()));
    node = Node.newBuilder().setId(nodeId).setMetadata(meta).build();
    requests = AggregatedDiscoveryServiceGrpc.newStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
        .streamAggregatedResources(new StreamObserver<>() {
          @Override
          public void onNext(DiscoveryResponse response) {
            responses.add(response);
            latest.put(response.getTypeUrl(), response);
            send(response.getTypeUrl(), response.getVersionInfo(), response.getNonce(), List.of());
          }

          @Override
          public void onError(Throwable t) {
            closed = Status.fromThrowable(t);
          }

          @Override
          public void onCompleted() {
            closed = Status.OK;
          }
        });
  }

  synchronized void send(String typeUrl, String version, String nonce, List<String> names) {
    requests.onNext(DiscoveryRequest.newBuilder().setNode(node).setTypeUrl(typeUrl).setVersionInfo(version)
        .setResponseNonce(nonce).addAllResourceNames(names).build());
  }

  /** Rejects the response with {@code nonce} (a NACK with an error detail). */
  synchronized void requestsNack(String typeUrl, String nonce) {
    requests.onNext(io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest.newBuilder().setNode(node)
        .setTypeUrl(typeUrl).setResponseNonce(nonce)
        .setErrorDetail(com.google.rpc.Status.newBuilder().setCode(3).setMessage("rejected by the test")).build());
  }

  void subscribe(String typeUrl, List<String> names) {
    send(typeUrl, "", "", names);
  }

  List<DiscoveryResponse> responses() {
    return responses;
  }

  Status closedWith() {
    return closed;
  }

  /** Waits for a response of {@code typeUrl} satisfying {@code condition}. */
  DiscoveryResponse await(String typeUrl, Predicate<DiscoveryResponse> condition, Duration deadline) {
    Instant end = Instant.now().plus(deadline);
    while (Instant.now().isBefore(end)) {
      DiscoveryResponse r = latest.get(typeUrl);
      if (r != null && condition.test(r)) {
        return r;
      }
      if (closed != null) {
        throw new AssertionError("stream closed: " + closed);
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no " + typeUrl + " response matching within " + deadline + "; latest: " + latest.get(typeUrl));
  }

  /** Waits until the stream is closed by the server and returns its status. */
  Status awaitClosed(Duration deadline) {
    Instant end = Instant.now().plus(deadline);
    while (closed == null && Instant.now().isBefore(end)) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    if (closed == null) {
      throw new AssertionError("stream still open after " + deadline);
    }
    return closed;
  }

  @Override
  public void close() {
    try {
      requests.onCompleted();
    } catch (IllegalStateException alreadyClosed) {
      // the server closed the stream first
    }
    channel.shutdownNow();
  }
}
