package org.kumaj.cp.launcher;

/**
 * Who this control-plane instance is.
 *
 * @param hostname the machine's host name
 * @param instanceId {@code <hostname>-<4 hex>}, new on every start (Kuma's format)
 * @param clusterId the cluster's UUID, kept in the store's {@code kuma-cluster-id} Config
 * @param mode Kuma's mode: {@code zone} or {@code global}
 */
public record ControlPlaneIdentity(String hostname, String instanceId, String clusterId, String mode) {}
