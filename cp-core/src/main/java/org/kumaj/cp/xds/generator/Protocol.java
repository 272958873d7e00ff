package org.kumaj.cp.xds.generator;

import java.util.List;
import java.util.Locale;

/** Kuma's service protocols ({@code pkg/core/metadata/protocol.go}). */
enum Protocol {
  UNKNOWN, TCP, TLS, HTTP, HTTP2, GRPC, KAFKA, MYSQL;

  /** Kuma's {@code ParseProtocol}: case-insensitive; anything else, or nothing, is {@link #UNKNOWN}. */
  static Protocol parse(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "tcp" -> TCP;
      case "tls" -> TLS;
      case "http" -> HTTP;
      case "http2" -> HTTP2;
      case "grpc" -> GRPC;
      case "kafka" -> KAFKA;
      case "mysql" -> MYSQL;
      default -> UNKNOWN;
    };
  }

  /** HTTP, HTTP/2 and gRPC get an HTTP connection manager; everything else a TCP proxy. */
  boolean isHttpBased() {
    return this == HTTP || this == HTTP2 || this == GRPC;
  }

  /**
   * Kuma's {@code GetCommonProtocol}: the most specific protocol both speak (HTTP and HTTP/2 give
   * TCP, gRPC and HTTP/2 give HTTP/2); {@link #UNKNOWN} when either is unknown.
   */
  Protocol common(Protocol other) {
    if (this == other) {
      return this;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    List<Protocol> mine = stack();
    List<Protocol> theirs = other.stack();
    return mine.stream().filter(theirs::contains).findFirst().orElse(UNKNOWN);
  }

  private List<Protocol> stack() {
    return switch (this) {
      case GRPC -> List.of(GRPC, HTTP2, TCP);
      case HTTP2 -> List.of(HTTP2, TCP);
      case HTTP -> List.of(HTTP, TCP);
      case KAFKA -> List.of(KAFKA, TCP);
      case TLS, TCP -> List.of(TCP);
      default -> List.of();
    };
  }
}
