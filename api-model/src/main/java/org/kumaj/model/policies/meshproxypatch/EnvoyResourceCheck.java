package org.kumaj.model.policies.meshproxypatch;

/**
 * Checks the native Envoy resources carried in MeshProxyPatch {@code value} fields, as Kuma does
 * by decoding them into Envoy's protobuf types. This module has no Envoy types: a module that has
 * them registers an implementation with {@link java.util.ServiceLoader}; without one only the
 * YAML/JSON syntax is checked.
 */
public interface EnvoyResourceCheck {

  /** The Envoy resource type a value must decode into. */
  enum Kind { CLUSTER, LISTENER, VIRTUAL_HOST, NETWORK_FILTER, HTTP_FILTER }

  /**
   * Returns why {@code value} is not a valid resource of {@code kind}, or null when it is.
   *
   * @param kind the Envoy type
   * @param value YAML or JSON text
   * @param partial the value is a merge patch: decode only, no required-field validation
   * @return Kuma's error text (without the "native Envoy resource is not valid: " prefix)
   */
  String check(Kind kind, String value, boolean partial);
}
