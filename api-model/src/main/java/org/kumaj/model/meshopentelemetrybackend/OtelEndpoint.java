package org.kumaj.model.meshopentelemetrybackend;

/**
 * Where an OpenTelemetry collector listens.
 *
 * @param address host name or IP; absent means kuma-dp resolves it at runtime
 * @param port collector port; the control plane uses 4317 when absent
 * @param path base path for HTTP (signal suffixes such as {@code /v1/traces} are appended);
 *     rejected with gRPC
 */
public record OtelEndpoint(String address, Integer port, String path) {}
