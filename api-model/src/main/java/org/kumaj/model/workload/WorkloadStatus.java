package org.kumaj.model.workload;

/**
 * What the control plane writes in a Workload's {@code status}. Users cannot set it: Kuma's API
 * ignores a status sent with the resource.
 *
 * @param dataplaneProxies counts of the workload's proxies (always written)
 */
public record WorkloadStatus(WorkloadDataplaneProxies dataplaneProxies) {
  /** The status before anything was counted, as Kuma shows it (all counts 0). */
  public static final WorkloadStatus EMPTY =
      new WorkloadStatus(new WorkloadDataplaneProxies(0, 0, 0));
}
