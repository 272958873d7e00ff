package org.kumaj.model.meshmultizoneservice;

import java.util.List;
import org.kumaj.model.hostnamegenerator.Address;
import org.kumaj.model.hostnamegenerator.Condition;
import org.kumaj.model.hostnamegenerator.HostnameGeneratorStatus;
import org.kumaj.model.meshservice.Vip;

/**
 * What the control plane writes in a MeshMultiZoneService's {@code status}.
 *
 * @param addresses generated hostnames
 * @param vips allocated Kuma VIPs
 * @param meshServices the MeshServices the selector matched
 * @param hostnameGenerators how each HostnameGenerator fared
 * @param conditions e.g. {@code MeshServicesMatched}
 */
public record MeshMultiZoneServiceStatus(
    List<Address> addresses,
    List<Vip> vips,
    List<MatchedMeshService> meshServices,
    List<HostnameGeneratorStatus> hostnameGenerators,
    List<Condition> conditions) {

  /** Condition type: whether the selector matched any MeshService. */
  public static final String MESH_SERVICES_MATCHED = "MeshServicesMatched";
  /** Reason of {@link #MESH_SERVICES_MATCHED} when nothing matched. */
  public static final String NO_MATCHES_FOUND = "NoMatchesFound";
  /** Reason of {@link #MESH_SERVICES_MATCHED} when something matched. */
  public static final String MATCHES_FOUND = "MatchesFound";

  /** The status before anything was computed: {@code {}}. */
  public static final MeshMultiZoneServiceStatus EMPTY =
      new MeshMultiZoneServiceStatus(null, null, null, null, null);
}
