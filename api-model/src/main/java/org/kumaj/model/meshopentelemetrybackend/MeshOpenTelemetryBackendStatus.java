package org.kumaj.model.meshopentelemetrybackend;

import java.util.List;
import org.kumaj.model.hostnamegenerator.Condition;

/**
 * What the control plane writes in a MeshOpenTelemetryBackend's {@code status}.
 *
 * @param conditions e.g. {@code ReferencedByPolicies}
 */
public record MeshOpenTelemetryBackendStatus(List<Condition> conditions) {
  /** Condition type: whether any observability policy references the backend. */
  public static final String REFERENCED_BY_POLICIES = "ReferencedByPolicies";
  /** Reason of {@link #REFERENCED_BY_POLICIES} when some policy references it. */
  public static final String REFERENCED = "Referenced";
  /** Reason of {@link #REFERENCED_BY_POLICIES} when no policy references it. */
  public static final String NOT_REFERENCED = "NotReferenced";

  /** The status before anything was computed: {@code {}}. */
  public static final MeshOpenTelemetryBackendStatus EMPTY = new MeshOpenTelemetryBackendStatus(null);
}
