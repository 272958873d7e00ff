package org.kumaj.model.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.codec.Json;

class PolicyTypesTest {
  private static final Map<String, ResourceType> BY_NAME = PolicyTypes.ALL.stream()
      .collect(Collectors.toMap(ResourceType::name, Function.identity()));

  @Test
  void listsSixteenDistinctPolicies() {
    assertThat(PolicyTypes.ALL).hasSize(16);
    assertThat(BY_NAME).hasSize(16);
  }

  /**
   * Kuma's descriptors as {@code /_resources} and {@code /policies} report them; the flags are
   * to, from, rules, fromAsRules, inbound, outbound, status.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "MeshAccessLog|meshaccesslogs|meshaccesslog|Mesh Access Log|Mesh Access Logs|mal|1111111",
      "MeshCircuitBreaker|meshcircuitbreakers|meshcircuitbreaker|Mesh Circuit Breaker|Mesh Circuit Breakers|mcb|1111110",
      "MeshFaultInjection|meshfaultinjections|meshfaultinjection|Mesh Fault Injection|Mesh Fault Injections|mfi|1110110",
      "MeshHTTPRoute|meshhttproutes|meshhttproute|Mesh HTTP Route|Mesh HTTP Routes|mhttpr|1000010",
      "MeshHealthCheck|meshhealthchecks|meshhealthcheck|Mesh Health Check|Mesh Health Checks|mhc|1000010",
      "MeshLoadBalancingStrategy|meshloadbalancingstrategies|meshloadbalancingstrategy|Mesh Load Balancing Strategy|Mesh Load Balancing Strategies|mlbs|1000010",
      "MeshMetric|meshmetrics|meshmetric|Mesh Metric|Mesh Metrics|mm|0000001",
      "MeshPassthrough|meshpassthroughs|meshpassthrough|Mesh Passthrough|Mesh Passthroughs|mp|0000000",
      "MeshProxyPatch|meshproxypatches|meshproxypatch|Mesh Proxy Patch|Mesh Proxy Patches|mpp|0000000",
      "MeshRateLimit|meshratelimits|meshratelimit|Mesh Rate Limit|Mesh Rate Limits|mrl|1111110",
      "MeshRetry|meshretries|meshretry|Mesh Retry|Mesh Retries|mr|1000010",
      "MeshTCPRoute|meshtcproutes|meshtcproute|Mesh TCP Route|Mesh TCP Routes|mtcpr|1000010",
      "MeshTLS|meshtlses|meshtls|Mesh TLS|Mesh TLSes|mtls|0111100",
      "MeshTimeout|meshtimeouts|meshtimeout|Mesh Timeout|Mesh Timeouts|mt|1111110",
      "MeshTrace|meshtraces|meshtrace|Mesh Trace|Mesh Traces|mtr|0000001",
      "MeshTrafficPermission|meshtrafficpermissions|meshtrafficpermission|Mesh Traffic Permission|Mesh Traffic Permissions|mtp|0110100"})
  void matchesKumasDescriptor(String name, String path, String kumactl, String singular,
      String plural, String shortName, String flags) {
    ResourceType type = BY_NAME.get(name);
    assertThat(type).as(name).isNotNull();
    assertThat(type.scope()).isEqualTo(Scope.MESH);
    assertThat(type.style()).isEqualTo(SpecStyle.NESTED);
    assertThat(type.wsPath()).contains(path);
    assertThat(type.alternativeWsPath()).isEmpty();
    assertThat(type.kumactlArg()).contains(kumactl);
    assertThat(type.kumactlListArg()).contains(path);
    assertThat(type.singularDisplayName()).isEqualTo(singular);
    assertThat(type.pluralDisplayName()).isEqualTo(plural);
    assertThat(type.shortName()).isEqualTo(shortName);
    assertThat(type.kdsFlags()).isEqualTo(
        KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES);
    assertThat(type.includeInFederation()).isTrue();
    assertThat(type.readOnly()).isFalse();
    assertThat(type.adminOnly()).isFalse();
    assertThat(type.ownerTypeName()).isEmpty();
    assertThat(type.insightTypeName()).isEmpty();
    assertThat(type.hasStatus()).isEqualTo(flags.charAt(6) == '1');
    assertThat(type.policy()).contains(new PolicyTraits(true, flags.charAt(0) == '1',
        flags.charAt(1) == '1', flags.charAt(2) == '1', flags.charAt(3) == '1',
        flags.charAt(4) == '1', flags.charAt(5) == '1', false));
  }

  /** Kuma (Go) always writes a top-level {@code default} struct, even when it was not given. */
  @Test
  void everySpecBindsAnEmptyObjectAndWritesItBackAsKumaDoes() throws Exception {
    Set<String> withDefault = Set.of("MeshMetric", "MeshPassthrough", "MeshProxyPatch", "MeshTrace");
    for (ResourceType type : PolicyTypes.ALL) {
      Object spec = Json.mapper().readValue("{}", type.specClass());
      assertThat(Json.mapper().writeValueAsString(spec)).as(type.name())
          .isEqualTo(withDefault.contains(type.name()) ? "{\"default\":{}}" : "{}");
    }
  }
}
