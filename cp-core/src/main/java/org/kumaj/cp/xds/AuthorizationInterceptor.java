package org.kumaj.cp.xds;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.netty.channel.local.LocalAddress;
import java.net.SocketAddress;

/**
 * Copies the {@code authorization} gRPC metadata (the dataplane token Envoy sends with every ADS
 * stream) and who the client is into the call's {@link Context}, where the auth callback reads them.
 * Stateless.
 */
final class AuthorizationInterceptor implements ServerInterceptor {
  static final Context.Key<String> CREDENTIAL = Context.key("kuma-credential");
  static final Context.Key<String> PEER = Context.key("kuma-peer");
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String value = headers.get(AUTHORIZATION);
    if (value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      value = value.substring(7);
    }
    return Contexts.interceptCall(Context.current().withValue(CREDENTIAL, value == null ? "" : value)
        .withValue(PEER, peer(call)), call, headers, next);
  }

  /**
   * The client's address: the data-plane server names the in-JVM connection of each data plane
   * connection after the data plane's address ({@code /10.0.0.1:51234 #7}).
   */
  static String peer(ServerCall<?, ?> call) {
    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    if (remote instanceof LocalAddress local) {
      String id = local.id();
      int hash = id.lastIndexOf(" #");
      return hash < 0 ? id : id.substring(0, hash);
    }
    return remote == null ? "an unknown address" : remote.toString();
  }
}
