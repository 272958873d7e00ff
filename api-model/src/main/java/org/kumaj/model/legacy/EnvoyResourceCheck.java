package org.kumaj.model.legacy;

/**
 * Validates the native Envoy snippets inside a ProxyTemplate (Kuma parses them into Envoy's protos
 * and runs their validation rules). This module has no Envoy protos, so by default nothing is
 * checked; a module that has them can plug a real check into {@link ProxyTemplate#validator}.
 */
@FunctionalInterface
public interface EnvoyResourceCheck {
  /** Accepts every snippet. */
  EnvoyResourceCheck NONE = (kind, snippet, patch) -> null;

  /** What the snippet must be. */
  enum Kind {
    /** A whole xDS resource with its {@code @type} ({@code conf.resources[].resource}). */
    RAW_RESOURCE,
    /** {@code envoy.config.cluster.v3.Cluster}. */
    CLUSTER,
    /** {@code envoy.config.listener.v3.Listener}. */
    LISTENER,
    /** {@code envoy.config.listener.v3.Filter}. */
    NETWORK_FILTER,
    /** {@code envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter}. */
    HTTP_FILTER,
    /** {@code envoy.config.route.v3.VirtualHost}. */
    VIRTUAL_HOST
  }

  /**
   * Checks one YAML or JSON snippet.
   *
   * @param patch {@code true} for a patch: Kuma only decodes it and skips Envoy's validation rules
   * @return Kuma's error text (put after {@code native Envoy resource is not valid: }), or
   *     {@code null} when the snippet is valid
   */
  String check(Kind kind, String snippet, boolean patch);
}
