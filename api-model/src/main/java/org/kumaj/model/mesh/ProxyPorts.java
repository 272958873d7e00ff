package org.kumaj.model.mesh;

/** Kuma's admin-port collision rule: an address collides with the loopback admin listener. */
final class ProxyPorts {
  private static final byte[] LOOPBACK = GoNet.parseIp("127.0.0.1");

  private ProxyPorts() {}

  /** Kuma's {@code overlap(127.0.0.1, address)}: loopback itself or a wildcard address. */
  static boolean overlapsLoopback(String address) {
    return GoNet.overlap(LOOPBACK, address);
  }
}
