package org.kumaj.dpsim;

import com.google.rpc.Code;
import com.google.rpc.Status;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** What the SotW and delta sessions share: node-on-first-message, headers, guarded sends. */
abstract class SessionSupport<Q> {
  private final Node node;
  private final boolean nodeOnEveryRequest;
  private final Map<String, String> headers;
  private boolean nodeSent;
  private volatile boolean cancelled;
  private ClientCallStreamObserver<Q> requests;

  SessionSupport(ProxyOptions options) {
    this.node = options.node();
    this.nodeOnEveryRequest = options.nodeOnEveryRequest();
    this.headers = options.initialMetadata();
  }

  /** The node for the next request, or null when it must be left out. */
  final Node nextNode() {
    if (!nodeSent || nodeOnEveryRequest) {
      nodeSent = true;
      return node;
    }
    return null;
  }

  final ClientInterceptor headerInterceptor() {
    Metadata md = new Metadata();
    headers.forEach((k, v) -> md.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v));
    return MetadataUtils.newAttachHeadersInterceptor(md);
  }

  final void attach(ClientCallStreamObserver<Q> requests) {
    this.requests = requests;
  }

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

  final void cancelCall(String reason) {
    if (!cancelled) {
      cancelled = true;
      requests.cancel(reason, null);
    }
  }

  final boolean cancelled() {
    return cancelled;
  }

  static Status errorDetail(String message) {
    return Status.newBuilder().setCode(Code.INVALID_ARGUMENT_VALUE).setMessage(message).build();
  }

  static List<String> sorted(Collection<String> names) {
    List<String> out = new ArrayList<>(names);
    Collections.sort(out);
    return out;
  }
}
