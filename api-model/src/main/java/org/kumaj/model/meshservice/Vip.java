package org.kumaj.model.meshservice;

/**
 * A Kuma VIP the control plane allocated to a service (MeshService, MeshMultiZoneService,
 * MeshExternalService).
 *
 * @param ip the allocated address
 */
public record Vip(String ip) {}
