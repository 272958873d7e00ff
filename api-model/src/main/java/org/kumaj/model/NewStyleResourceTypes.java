package org.kumaj.model;

import java.util.List;
import org.kumaj.model.hostnamegenerator.HostnameGenerator;
import org.kumaj.model.meshexternalservice.MeshExternalService;
import org.kumaj.model.meshidentity.MeshIdentity;
import org.kumaj.model.meshmultizoneservice.MeshMultiZoneService;
import org.kumaj.model.meshopentelemetrybackend.MeshOpenTelemetryBackend;
import org.kumaj.model.meshservice.MeshService;
import org.kumaj.model.meshtrust.MeshTrust;
import org.kumaj.model.meshzoneaddress.MeshZoneAddress;
import org.kumaj.model.workload.Workload;

/**
 * Kuma's new-style core resources (spec under {@code spec:}, status under {@code status:}) that
 * are not policies: services, identities, trust, backends, workloads and hostname generators.
 */
public final class NewStyleResourceTypes {
  /** Their descriptors, in Kuma's registration order. */
  public static final List<ResourceType> ALL = List.of(
      MeshService.TYPE,
      MeshMultiZoneService.TYPE,
      MeshExternalService.TYPE,
      MeshZoneAddress.TYPE,
      HostnameGenerator.TYPE,
      MeshIdentity.TYPE,
      MeshTrust.TYPE,
      MeshOpenTelemetryBackend.TYPE,
      Workload.TYPE);

  private NewStyleResourceTypes() {}
}
