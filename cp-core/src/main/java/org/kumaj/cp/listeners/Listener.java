package org.kumaj.cp.listeners;

/**
 * One listening socket of the control plane.
 *
 * @param name stable identifier, also the Micronaut listener name for HTTP listeners
 * @param host the interface to bind; empty binds every interface
 * @param port the TCP port
 * @param protocol what the listener speaks
 * @param portSetting the config key that chose the port (named in error messages)
 */
public record Listener(String name, String host, int port, Protocol protocol, String portSetting) {

  public boolean isHttp() {
    return protocol == Protocol.HTTP || protocol == Protocol.HTTPS;
  }

  public boolean isTls() {
    return protocol == Protocol.HTTPS || protocol == Protocol.GRPC_TLS || protocol == Protocol.DP_SERVER;
  }
}
