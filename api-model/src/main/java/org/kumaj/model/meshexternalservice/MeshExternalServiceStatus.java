package org.kumaj.model.meshexternalservice;

import java.util.List;
import org.kumaj.model.hostnamegenerator.Address;
import org.kumaj.model.hostnamegenerator.HostnameGeneratorStatus;
import org.kumaj.model.meshservice.Vip;

/**
 * What the control plane writes in a MeshExternalService's {@code status}.
 *
 * @param vip the allocated Kuma VIP (always written, {@code {}} until allocated)
 * @param addresses generated hostnames
 * @param hostnameGenerators how each HostnameGenerator fared
 */
public record MeshExternalServiceStatus(
    Vip vip, List<Address> addresses, List<HostnameGeneratorStatus> hostnameGenerators) {

  /** The status before anything was allocated: {@code {"vip":{}}}. */
  public static final MeshExternalServiceStatus EMPTY =
      new MeshExternalServiceStatus(new Vip(null), null, null);
}
