package org.kumaj.cp.xds.generator;

import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;

/**
 * Builds a {@link RouteConfiguration} with one virtual host matching every authority ({@code *}),
 * as all of Kuma's sidecar route configurations are. Kuma sets {@code validateClusters: false} on
 * every one. Not thread-safe; one builder per route configuration.
 */
final class RouteConfigBuilder {
  private final RouteConfiguration.Builder config = RouteConfiguration.newBuilder().setValidateClusters(Protos.bool(false));
  private final VirtualHost.Builder virtualHost = VirtualHost.newBuilder().addDomains("*");

  private RouteConfigBuilder(String name, String virtualHostName) {
    if (!name.isEmpty()) {
      config.setName(name);
    }
    virtualHost.setName(virtualHostName);
  }

  /**
   * @param name the route configuration's name ({@code ""}: none, for a configuration only ever
   *     inlined in one listener)
   * @param virtualHostName the name of the single virtual host
   */
  static RouteConfigBuilder named(String name, String virtualHostName) {
    return new RouteConfigBuilder(name, virtualHostName);
  }

  /** Strips a request header before routing (Kuma strips {@code x-kuma-tags} on inbounds). */
  RouteConfigBuilder removeRequestHeader(String header) {
    config.addRequestHeadersToRemove(header);
    return this;
  }

  /** A route action to one cluster, for callers to add timeouts and retries to. */
  static RouteAction.Builder toCluster(String cluster) {
    return RouteAction.newBuilder().setCluster(cluster);
  }

  /**
   * Adds a route for requests whose path starts with {@code prefix}.
   *
   * @param name the route name ({@code ""}: none)
   */
  RouteConfigBuilder route(String name, String prefix, RouteAction.Builder action) {
    virtualHost.addRoutes(Route.newBuilder()
        .setName(name)
        .setMatch(RouteMatch.newBuilder().setPrefix(prefix))
        .setRoute(action));
    return this;
  }

  RouteConfiguration build() {
    return config.clone().addVirtualHosts(virtualHost).build();
  }
}
