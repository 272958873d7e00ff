package org.kumaj.model.meshservice;

import java.util.List;
import org.kumaj.model.hostnamegenerator.Address;
import org.kumaj.model.hostnamegenerator.HostnameGeneratorStatus;

/**
 * What the control plane writes in a MeshService's {@code status}: generated hostnames, VIPs,
 * mTLS readiness and proxy counts.
 *
 * @param addresses hostnames generated for the service
 * @param vips allocated Kuma VIPs
 * @param tls mTLS readiness (always written)
 * @param hostnameGenerators how each HostnameGenerator fared
 * @param dataplaneProxies counts of selected proxies (always written)
 */
public record MeshServiceStatus(
    List<Address> addresses,
    List<Vip> vips,
    TlsStatus tls,
    List<HostnameGeneratorStatus> hostnameGenerators,
    DataplaneProxies dataplaneProxies) {

  /** The status of a MeshService nothing was computed for yet: {@code {"tls":{},"dataplaneProxies":{}}}. */
  public static final MeshServiceStatus EMPTY = new MeshServiceStatus(
      null, null, new TlsStatus(null), null, new DataplaneProxies(null, null, null));
}
