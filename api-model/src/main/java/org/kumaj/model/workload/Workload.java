package org.kumaj.model.workload;

import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * A Workload: a logical group of data plane proxies (those labelled {@code kuma.io/workload}),
 * used to group them in metrics and traces. The spec is empty; the control plane keeps proxy
 * counts in {@link WorkloadStatus}.
 */
public record Workload() implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("Workload")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, Workload.class)
      .wsPath("workloads")
      .kumactl("workload", "workloads")
      .shortName("wl")
      .displayNames("Workload", "Workloads")
      .kdsFlags(KdsFlags.ZONE_TO_GLOBAL)
      .status(WorkloadStatus.class, WorkloadStatus.EMPTY)
      .validator(new WorkloadValidator())
      .build();
}
