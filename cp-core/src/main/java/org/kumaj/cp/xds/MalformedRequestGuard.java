package org.kumaj.cp.xds;

import com.google.protobuf.Message;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes on an ADS stream that are no discovery request. grpc-java fails such a call from inside its
 * executor, which logs a SEVERE stack trace through java.util.logging and tells nobody which stream
 * it was. Instead, the request parser turns the bytes into a marker request carrying the parse
 * error, and the interceptor closes that stream with INVALID_ARGUMENT before java-control-plane sees
 * the marker, with one log line; java-control-plane's stream observer is told the stream was
 * cancelled, so it and the callbacks clean up as for any closed stream. One listener per call.
 */
final class MalformedRequestGuard implements ServerInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger("xds.auth");
  /** The type URL of the marker (no real resource type has it). */
  static final String MARKER_TYPE = "type.kumaj.internal/malformed-request";

  private MalformedRequestGuard() {}

  /** {@code service} with guarded request parsers and the guard in front of it. */
  static ServerServiceDefinition guard(ServerServiceDefinition service) {
    ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(service.getServiceDescriptor().getName());
    for (ServerMethodDefinition<?, ?> m : service.getMethods()) {
      b.addMethod(guarded(m));
    }
    return ServerInterceptors.intercept(b.build(), new MalformedRequestGuard());
  }

  private static <Q, R> ServerMethodDefinition<Q, R> guarded(ServerMethodDefinition<Q, R> method) {
    MethodDescriptor<Q, R> d = method.getMethodDescriptor();
    if (!(d.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<Q> proto)
        || !(proto.getMessagePrototype() instanceof DiscoveryRequest
            || proto.getMessagePrototype() instanceof DeltaDiscoveryRequest)) {
      return method;
    }
    return ServerMethodDefinition.create(d.toBuilder(new GuardedParser<>(proto), d.getResponseMarshaller()).build(),
        method.getServerCallHandler());
  }

  /** Parses as the delegate does; bytes that do not parse become a marker request. */
  private static final class GuardedParser<Q> implements MethodDescriptor.PrototypeMarshaller<Q> {
    private final MethodDescriptor.PrototypeMarshaller<Q> delegate;

    GuardedParser(MethodDescriptor.PrototypeMarshaller<Q> delegate) {
      this.delegate = delegate;
    }

    @Override
    public Q getMessagePrototype() {
      return delegate.getMessagePrototype();
    }

    @Override
    public Class<Q> getMessageClass() {
      return delegate.getMessageClass();
    }

    @Override
    public InputStream stream(Q value) {
      return delegate.stream(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Q parse(InputStream stream) {
      try {
        return delegate.parse(stream);
      } catch (RuntimeException e) {
        String reason = Status.fromThrowable(e).getCause() != null
            ? Status.fromThrowable(e).getCause().getMessage() : e.getMessage();
        com.google.rpc.Status detail = com.google.rpc.Status.newBuilder().setMessage(String.valueOf(reason)).build();
        Object prototype = delegate.getMessagePrototype();
        Message marker = prototype instanceof DiscoveryRequest
            ? DiscoveryRequest.newBuilder().setTypeUrl(MARKER_TYPE).setErrorDetail(detail).build()
            : DeltaDiscoveryRequest.newBuilder().setTypeUrl(MARKER_TYPE).setErrorDetail(detail).build();
        try {
          stream.close();
        } catch (IOException ignored) {
          // nothing more to read
        }
        return (Q) marker;
      }
    }
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    Status[] malformed = {null};
    ServerCall<Q, R> guardedCall = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        super.close(malformed[0] != null ? malformed[0] : status, trailers);
      }
    };
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(guardedCall, headers)) {
      private boolean ended;

      @Override
      public void onMessage(Q message) {
        if (ended) {
          return;
        }
        String error = markerError(message);
        if (error == null) {
          super.onMessage(message);
          return;
        }
        ended = true;
        LOG.warn("ADS stream from {} sent bytes that are no discovery request ({}); closing it",
            AuthorizationInterceptor.peer(call), error);
        malformed[0] = Status.INVALID_ARGUMENT.withDescription("malformed discovery request: " + error);
        super.onCancel(); // java-control-plane closes the call (with the status above) and cleans up
      }

      @Override
      public void onHalfClose() {
        if (!ended) {
          super.onHalfClose();
        }
      }

      @Override
      public void onCancel() {
        if (!ended) {
          ended = true;
          super.onCancel();
        }
      }

      @Override
      public void onComplete() {
        if (!ended) {
          ended = true;
          super.onComplete();
        }
      }
    };
  }

  private static String markerError(Object message) {
    if (message instanceof DiscoveryRequest r && MARKER_TYPE.equals(r.getTypeUrl())) {
      return r.getErrorDetail().getMessage();
    }
    if (message instanceof DeltaDiscoveryRequest r && MARKER_TYPE.equals(r.getTypeUrl())) {
      return r.getErrorDetail().getMessage();
    }
    return null;
  }
}
