package org.kumaj.model.legacy;

import java.util.List;
import org.kumaj.model.ResourceType;

/** The descriptors of Kuma's legacy (source/destination selector) policies. */
public final class LegacyPolicyTypes {
  /** Every legacy policy type, in Kuma's alphabetical order. */
  public static final List<ResourceType> ALL = List.of(
      CircuitBreaker.TYPE,
      FaultInjection.TYPE,
      HealthCheck.TYPE,
      ProxyTemplate.TYPE,
      RateLimit.TYPE,
      Retry.TYPE,
      Timeout.TYPE,
      TrafficLog.TYPE,
      TrafficPermission.TYPE,
      TrafficRoute.TYPE,
      TrafficTrace.TYPE,
      VirtualOutbound.TYPE);

  private LegacyPolicyTypes() {}
}
