package org.kumaj.cp.xds;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Copies the {@code authorization} gRPC metadata (the dataplane token Envoy sends with every ADS
 * stream) into the call's {@link Context}, where the auth callback reads it. Stateless.
 */
final class AuthorizationInterceptor implements ServerInterceptor {
  static final Context.Key<String> CREDENTIAL = Context.key("kuma-credential");
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String value = headers.get(AUTHORIZATION);
    if (value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      value = value.substring(7);
    }
    return Contexts.interceptCall(Context.current().withValue(CREDENTIAL, value == null ? "" : value), call, headers, next);
  }
}
