package org.kumaj.cp.policies.core;

import java.util.List;

/**
 * What a policy's top-level {@code targetRef} selects on one data plane proxy (Kuma's
 * {@code DppSelectedByPolicy} results): inbound listeners, builtin-gateway listener/hostname pairs,
 * and whether a delegated gateway is selected as a whole. Immutable.
 *
 * @param inbounds selected inbound listeners (inbounds, embedded zone-proxy listeners, builtin
 *     gateway ports), in the order Kuma produces them
 * @param gatewayListeners selected builtin-gateway listeners with their host names
 * @param delegatedGateway the proxy is a delegated gateway and the reference selects it
 * @param problem why the reference could not be resolved (e.g. a missing MeshHTTPRoute), else
 *     null; Kuma reports it as a warning and selects nothing
 */
public record Selection(
    List<InboundListener> inbounds,
    List<GatewayListenerHostname> gatewayListeners,
    boolean delegatedGateway,
    String problem) {

  /** Nothing is selected. */
  public static final Selection NONE = new Selection(List.of(), List.of(), false, null);

  public Selection {
    inbounds = List.copyOf(inbounds);
    gatewayListeners = List.copyOf(gatewayListeners);
  }

  /** Nothing is selected because the reference cannot be resolved. */
  static Selection unresolved(String problem) {
    return new Selection(List.of(), List.of(), false, problem);
  }

  /** Kuma's {@code PolicyMatches}: some inbound or gateway listener, or a delegated gateway, is selected. */
  public boolean selectsAnything() {
    return !inbounds.isEmpty() || !gatewayListeners.isEmpty() || delegatedGateway;
  }

  /**
   * An inbound listener of a proxy.
   *
   * @param address the address the listener binds ({@code inbound.address}, else the proxy's)
   * @param port the listener port
   */
  public record InboundListener(String address, int port) {}

  /**
   * A builtin-gateway listener for one host name.
   *
   * @param address the proxy's address
   * @param port the listener port
   * @param hostname the listener's host name, {@code *} when it has none
   */
  public record GatewayListenerHostname(String address, int port, String hostname) {}
}
