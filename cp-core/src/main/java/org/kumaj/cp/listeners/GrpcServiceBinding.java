package org.kumaj.cp.listeners;

import io.grpc.ServerServiceDefinition;

/**
 * A gRPC service to serve on one of the control plane's gRPC listeners. Features contribute these
 * as beans; {@link GrpcServers} adds each to the listener it names.
 *
 * @param listener the listener name, e.g. {@link ListenerPlan#DP_SERVER}
 * @param service the service definition
 */
public record GrpcServiceBinding(String listener, ServerServiceDefinition service) {}
