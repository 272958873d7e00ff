package org.kumaj.model.policies;

import java.util.List;
import org.kumaj.model.ResourceType;
import org.kumaj.model.policies.meshaccesslog.MeshAccessLog;
import org.kumaj.model.policies.meshcircuitbreaker.MeshCircuitBreaker;
import org.kumaj.model.policies.meshfaultinjection.MeshFaultInjection;
import org.kumaj.model.policies.meshhealthcheck.MeshHealthCheck;
import org.kumaj.model.policies.meshhttproute.MeshHTTPRoute;
import org.kumaj.model.policies.meshloadbalancingstrategy.MeshLoadBalancingStrategy;
import org.kumaj.model.policies.meshmetric.MeshMetric;
import org.kumaj.model.policies.meshpassthrough.MeshPassthrough;
import org.kumaj.model.policies.meshproxypatch.MeshProxyPatch;
import org.kumaj.model.policies.meshratelimit.MeshRateLimit;
import org.kumaj.model.policies.meshretry.MeshRetry;
import org.kumaj.model.policies.meshtcproute.MeshTCPRoute;
import org.kumaj.model.policies.meshtimeout.MeshTimeout;
import org.kumaj.model.policies.meshtls.MeshTLS;
import org.kumaj.model.policies.meshtrace.MeshTrace;
import org.kumaj.model.policies.meshtrafficpermission.MeshTrafficPermission;

/** The descriptors of Kuma's targetRef ("new style") policies, in Kuma's alphabetical order. */
public final class PolicyTypes {
  public static final List<ResourceType> ALL = List.of(
      MeshAccessLog.TYPE,
      MeshCircuitBreaker.TYPE,
      MeshFaultInjection.TYPE,
      MeshHTTPRoute.TYPE,
      MeshHealthCheck.TYPE,
      MeshLoadBalancingStrategy.TYPE,
      MeshMetric.TYPE,
      MeshPassthrough.TYPE,
      MeshProxyPatch.TYPE,
      MeshRateLimit.TYPE,
      MeshRetry.TYPE,
      MeshTCPRoute.TYPE,
      MeshTLS.TYPE,
      MeshTimeout.TYPE,
      MeshTrace.TYPE,
      MeshTrafficPermission.TYPE);

  private PolicyTypes() {}
}
