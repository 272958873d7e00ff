package org.kumaj.model.workload;

import java.util.List;
import java.util.Optional;
import org.kumaj.model.hostnamegenerator.Naming;

/**
 * The {@code kuma.io/workload} label of Dataplanes and the check Kuma's API server makes on it
 * when a Universal zone creates a Dataplane (it is not part of any validator). Stateless.
 */
public final class WorkloadLabel {
  /** The label naming a Dataplane's Workload. */
  public static final String LABEL = "kuma.io/workload";
  /** The error when a Dataplane with the label is created on a global control plane. */
  public static final String NOT_ALLOWED_ON_GLOBAL =
      "labels[\"kuma.io/workload\"]: not allowed on Global control plane";

  private WorkloadLabel() {}

  /**
   * The error Kuma's API returns (as a bad request) for a workload label value that is not a
   * DNS-1035 label; empty when the value is fine.
   */
  public static Optional<String> error(String value) {
    List<String> errors = Naming.dns1035Label(value);
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("labels[\"kuma.io/workload\"]: must be a valid DNS-1035 label (at most 63 "
        + "characters, matching regex [a-z]([-a-z0-9]*[a-z0-9])?): " + String.join("; ", errors));
  }
}
