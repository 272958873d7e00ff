package org.kumaj.dpsim;

import com.google.rpc.Code;
import com.google.rpc.Status;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc.AggregatedDiscoveryServiceStub;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the SotW and delta sessions share: opening the ADS call with the configured headers, the
 * node on the first request (or on every one), guarded sends, cancelling, and handing stream
 * errors and completion to the {@link AdsSession.Listener} unless the session cancelled the call
 * itself. Subclasses encode requests and decode responses of their protocol variant.
 *
 * @param <Q> the request message of the variant
 * @param <R> the response message of the variant
 */
abstract class SessionSupport<Q, R> implements AdsSession, ClientResponseObserver<Q, R> {
  private final Channel channel;
  private final Node node;
  private final boolean nodeOnEveryRequest;
  private final Map<String, String> headers;
  /** Receives what the stream delivers. */
  final Listener listener;
  private boolean nodeSent;
  private volatile boolean cancelled;
  private ClientCallStreamObserver<Q> requests;

  SessionSupport(Channel channel, ProxyOptions options, Listener listener) {
    this.channel = channel;
    this.node = options.node();
    this.nodeOnEveryRequest = options.nodeOnEveryRequest();
    this.headers = options.initialMetadata();
    this.listener = listener;
  }

  /** Opens this variant's call on {@code stub} (which attaches the headers) with this session as the observer. */
  abstract void open(AggregatedDiscoveryServiceStub stub);

  @Override
  public final void start() {
    Metadata md = new Metadata();
    headers.forEach((k, v) -> md.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v));
    open(AggregatedDiscoveryServiceGrpc.newStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md)));
  }

  @Override
  public final void beforeStart(ClientCallStreamObserver<Q> requests) {
    this.requests = requests;
  }

  /** Passes the node to {@code setter} when the next request must carry it (the first, or every one). */
  final void setNodeIfDue(Consumer<Node> setter) {
    if (!nodeSent || nodeOnEveryRequest) {
      nodeSent = true;
      setter.accept(node);
    }
  }

  /** Sends {@code request} unless the call was cancelled or has ended. */
  final void send(Q request) {
    if (cancelled) {
      return;
    }
    try {
      requests.onNext(request);
    } catch (IllegalStateException e) {
      // the call ended in the meantime; the stream error reaches the proxy separately
    }
  }

  /**
   * The known type of a response's {@code typeUrl}; empty, after telling the listener, when the
   * type is unknown.
   */
  final Optional<XdsType> knownType(String typeUrl, String nonce) {
    Optional<XdsType> type = XdsType.fromTypeUrl(typeUrl);
    if (type.isEmpty()) {
      listener.onUnknownType(typeUrl, nonce);
    }
    return type;
  }

  @Override
  public final void cancel(String reason) {
    if (!cancelled) {
      cancelled = true;
      requests.cancel(reason, null);
    }
  }

  @Override
  public final void onError(Throwable t) {
    if (!cancelled) {
      listener.onStreamError(t);
    }
  }

  @Override
  public final void onCompleted() {
    if (!cancelled) {
      listener.onStreamCompleted();
    }
  }

  /** The error detail of a NACK. */
  static Status errorDetail(String message) {
    return Status.newBuilder().setCode(Code.INVALID_ARGUMENT_VALUE).setMessage(message).build();
  }

  /** {@code names} in order, as Envoy sends them. */
  static List<String> sorted(Collection<String> names) {
    List<String> out = new ArrayList<>(names);
    Collections.sort(out);
    return out;
  }
}
