package org.kumaj.model.workload;

/**
 * Counts of a Workload's data plane proxies; Kuma always writes all three, zeros included.
 *
 * @param connected proxies connected to the control plane
 * @param healthy healthy proxies
 * @param total all proxies of the workload
 */
public record WorkloadDataplaneProxies(Integer connected, Integer healthy, Integer total) {}
