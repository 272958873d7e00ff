package org.kumaj.cp.xds;

import java.util.Map;

/**
 * One address that serves a {@code kuma.io/service}: a Dataplane inbound (or later a zone ingress
 * or an external service).
 *
 * @param address the IP or host name to connect to
 * @param port the port to connect to
 * @param tags the inbound's tags
 * @param healthy whether the inbound is ready (not ready endpoints are left out or marked unhealthy)
 */
public record Endpoint(String address, int port, Map<String, String> tags, boolean healthy) {
  public Endpoint {
    tags = Map.copyOf(tags);
  }
}
