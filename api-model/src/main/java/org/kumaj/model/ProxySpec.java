package org.kumaj.model;

/**
 * The spec of a data plane proxy resource (Dataplane, ZoneIngress, ZoneEgress). Kuma labels such
 * resources with {@code kuma.io/proxy-type}.
 */
public interface ProxySpec extends ResourceSpec {
  /** Kuma's proxy type in lower case: {@code sidecar}, {@code gateway}, {@code zoneingress}, {@code zoneegress}. */
  String proxyType();
}
