package org.kumaj.model.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

class LegacyPolicyTypesTest {

  /** Name, REST path, kumactl singular/plural and display names as Kuma 2.14 reports them. */
  static Stream<Arguments> descriptors() {
    return Stream.of(
        Arguments.of(CircuitBreaker.TYPE, CircuitBreaker.class, "CircuitBreaker",
            "circuit-breakers", "circuit-breaker", "circuit-breakers", "Circuit Breaker",
            "Circuit Breakers"),
        Arguments.of(FaultInjection.TYPE, FaultInjection.class, "FaultInjection",
            "fault-injections", "fault-injection", "fault-injections", "Fault Injection",
            "Fault Injections"),
        Arguments.of(HealthCheck.TYPE, HealthCheck.class, "HealthCheck", "health-checks",
            "healthcheck", "healthchecks", "Health Check", "Health Checks"),
        Arguments.of(ProxyTemplate.TYPE, ProxyTemplate.class, "ProxyTemplate", "proxytemplates",
            "proxytemplate", "proxytemplates", "Proxy Template", "Proxy Templates"),
        Arguments.of(RateLimit.TYPE, RateLimit.class, "RateLimit", "rate-limits", "rate-limit",
            "rate-limits", "Rate Limit", "Rate Limits"),
        Arguments.of(Retry.TYPE, Retry.class, "Retry", "retries", "retry", "retries", "Retry",
            "Retries"),
        Arguments.of(Timeout.TYPE, Timeout.class, "Timeout", "timeouts", "timeout", "timeouts",
            "Timeout", "Timeouts"),
        Arguments.of(TrafficLog.TYPE, TrafficLog.class, "TrafficLog", "traffic-logs",
            "traffic-log", "traffic-logs", "Traffic Log", "Traffic Logs"),
        Arguments.of(TrafficPermission.TYPE, TrafficPermission.class, "TrafficPermission",
            "traffic-permissions", "traffic-permission", "traffic-permissions",
            "Traffic Permission", "Traffic Permissions"),
        Arguments.of(TrafficRoute.TYPE, TrafficRoute.class, "TrafficRoute", "traffic-routes",
            "traffic-route", "traffic-routes", "Traffic Route", "Traffic Routes"),
        Arguments.of(TrafficTrace.TYPE, TrafficTrace.class, "TrafficTrace", "traffic-traces",
            "traffic-trace", "traffic-traces", "Traffic Trace", "Traffic Traces"),
        Arguments.of(VirtualOutbound.TYPE, VirtualOutbound.class, "VirtualOutbound",
            "virtual-outbounds", "virtual-outbound", "virtual-outbounds", "Virtual Outbound",
            "Virtual Outbounds"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("descriptors")
  void describesTheTypeAsKumaDoes(ResourceType type, Class<?> specClass, String name,
      String wsPath, String kumactl, String kumactlList, String singular, String plural) {
    assertThat(type.name()).isEqualTo(name);
    assertThat(type.specClass()).isEqualTo(specClass);
    assertThat(type.style()).isEqualTo(SpecStyle.INLINE);
    assertThat(type.scope()).isEqualTo(Scope.MESH);
    assertThat(type.wsPath()).contains(wsPath);
    assertThat(type.alternativeWsPath()).isEmpty();
    assertThat(type.kumactlArg()).contains(kumactl);
    assertThat(type.kumactlListArg()).contains(kumactlList);
    assertThat(type.shortName()).isEmpty();
    assertThat(type.singularDisplayName()).isEqualTo(singular);
    assertThat(type.pluralDisplayName()).isEqualTo(plural);
    assertThat(type.kdsFlags()).isEqualTo(KdsFlags.GLOBAL_TO_ZONES);
    assertThat(type.includeInFederation()).isTrue();
    assertThat(type.readOnly()).isFalse();
    assertThat(type.adminOnly()).isFalse();
    assertThat(type.hasStatus()).isFalse();
    assertThat(type.policy()).contains(PolicyTraits.LEGACY);
    assertThat(type.ownerTypeName()).isEmpty();
    assertThat(type.insightTypeName()).isEmpty();
  }

  @Test
  void listsEveryLegacyPolicyOnce() {
    assertThat(LegacyPolicyTypes.ALL).containsExactlyElementsOf(
        descriptors().map(a -> (ResourceType) a.get()[0]).toList());
  }
}
