package org.kumaj.cp.listeners;

/** What a listener speaks. */
public enum Protocol {
  HTTP,
  HTTPS,
  /** gRPC over TLS (HTTP/2 with ALPN). */
  GRPC_TLS,
  /** gRPC over plaintext HTTP/2 (only when the config turns TLS off, e.g. KDS tlsEnabled=false). */
  GRPC_PLAINTEXT,
  /** Kuma's data-plane server: one TLS port carrying HTTP/1.1 (bootstrap) and gRPC (ADS). */
  DP_SERVER
}
