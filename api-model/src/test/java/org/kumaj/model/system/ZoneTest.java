package org.kumaj.model.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.system.SpecAssertions.assertRoundTrip;
import static org.kumaj.model.system.SpecAssertions.rewrite;
import static org.kumaj.model.system.SpecAssertions.tree;
import static org.kumaj.model.system.SpecAssertions.validate;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.codec.Json;
import org.kumaj.model.validation.Violations;

class ZoneTest {
  @Test
  void zoneKeepsTheEnabledWrapperEvenWhenFalse() throws Exception {
    assertThat(assertRoundTrip("enabled: true\n", Zone.class).enabledOrDefault()).isTrue();
    assertThat(assertRoundTrip("enabled: false\n", Zone.class).enabledOrDefault()).isFalse();
    assertThat(assertRoundTrip("{}", Zone.class).enabledOrDefault()).isTrue();
    assertThatThrownBy(() -> Json.mapper().readValue("{\"enabled\":\"yes\"}", Zone.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void zoneWarnsAboutNonDns1035NamesButNeverFails() throws Exception {
    Violations out = validate(Zone.TYPE, "Zone_1", "enabled: true\n");
    assertThat(out.list()).isEmpty();
    assertThat(out.warnings()).containsExactly("Invalid Zone resource name: 'Zone_1'. It does not conform"
        + " to the DNS format (RFC 1035). This is deprecated. Errors: a DNS-1035 label must consist of"
        + " lower case alphanumeric characters or '-', start with an alphabetic character, and end with an"
        + " alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is"
        + " '[a-z]([-a-z0-9]*[a-z0-9])?')");
    assertThat(validate(Zone.TYPE, "zone-1", "{}").warnings()).isEmpty();
  }

  @Test
  void warningUsesTheDisplayNameAndReportsLength() {
    Violations out = new Violations();
    String longName = "z".repeat(64);
    NameDeprecations.warnIfNotDns1035("Zone",
        ResourceMeta.of(null, "zone-1.kuma-system", Map.of("kuma.io/display-name", longName)), out);
    assertThat(out.warnings()).containsExactly("Invalid Zone resource name: '" + longName + "'. It does not"
        + " conform to the DNS format (RFC 1035). This is deprecated. Errors: must be no more than 63"
        + " characters");
  }

  @Test
  void zoneInsightBindsEveryField() throws Exception {
    ZoneInsight insight = assertRoundTrip("""
        subscriptions:
          - id: '1'
            globalInstanceId: node-001
            connectTime: '2018-07-17T16:05:36.995Z'
            disconnectTime: '2018-07-17T16:06:36.995Z'
            status:
              lastUpdateTime: '2018-07-17T16:06:00Z'
              total:
                responsesSent: '22'
                responsesAcknowledged: '21'
                responsesRejected: '11'
              stat:
                CircuitBreaker:
                  responsesSent: '2'
                  responsesRejected: '1'
            version:
              kumaCp:
                version: 1.0.0
                gitTag: v1.0.0
                gitCommit: 91ce236824a9d875601679aa80c63783fb0e8725
                buildDate: '2019-08-07T11:26:06Z'
                kumaCpGlobalCompatible: true
            generation: 3
            config: '{"environment":"universal"}'
            authTokenProvided: true
            zoneInstanceId: zone-cp-1
          - id: '2'
            globalInstanceId: node-002
            connectTime: '2019-07-17T16:05:36.995Z'
        envoyAdminStreams:
          configDumpGlobalInstanceId: node-001
          statsGlobalInstanceId: node-002
          clustersGlobalInstanceId: node-003
        healthCheck:
          time: '2019-07-17T16:05:40Z'
        kdsStreams:
          clusters:
            globalInstanceId: node-001
            connectTime: '2019-07-17T16:05:36Z'
          configDump:
            globalInstanceId: node-001
          stats:
            globalInstanceId: node-001
          globalToZone:
            globalInstanceId: node-002
          zoneToGlobal:
            globalInstanceId: node-002
        """, ZoneInsight.class);
    assertThat(insight.isOnline()).isTrue();
    assertThat(insight.subscriptions().get(0).status().stat().get("CircuitBreaker"))
        .isEqualTo(new ServiceStats(2L, null, 1L));
    assertThat(insight.healthCheck().time()).isEqualTo(Instant.parse("2019-07-17T16:05:40Z"));
    assertThat(ZoneInsight.TYPE.ownerTypeName()).contains("Zone");
    assertThat(Zone.TYPE.insightTypeName()).contains("ZoneInsight");
    assertThat(ZoneInsight.TYPE.readOnly()).isTrue();
  }

  @Test
  void zoneInsightReadsProtoNames() throws Exception {
    assertThat(rewrite("""
        envoy_admin_streams:
          config_dump_global_instance_id: a
        health_check: {}
        kds_streams:
          global_to_zone:
            global_instance_id: b
            connect_time: '2020-01-01T00:00:00.000000001Z'
        subscriptions:
          - global_instance_id: c
            auth_token_provided: false
            status:
              last_update_time: '2020-01-01T00:00:00.120Z'
        """, ZoneInsight.class)).isEqualTo(tree("""
        subscriptions:
          - globalInstanceId: c
            status:
              lastUpdateTime: '2020-01-01T00:00:00.120Z'
        envoyAdminStreams:
          configDumpGlobalInstanceId: a
        healthCheck: {}
        kdsStreams:
          globalToZone:
            globalInstanceId: b
            connectTime: '2020-01-01T00:00:00.000000001Z'
        """));
  }

  @Test
  void configIsInternal() throws Exception {
    assertThat(assertRoundTrip("config: '{\"cluster\":\"x\"}'\n", Config.class).config()).isEqualTo("{\"cluster\":\"x\"}");
    assertThat(rewrite("config: ''\n", Config.class)).isEqualTo(tree("{}"));
    assertThat(Config.TYPE.wsPath()).isEmpty();
    assertThat(Config.TYPE.kumactlArg()).isEmpty();
    assertThatThrownBy(() -> Json.mapper().readValue("{\"config\":{}}", Config.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThat(SystemTypes.ALL).containsExactly(Secret.TYPE, GlobalSecret.TYPE, Zone.TYPE, ZoneInsight.TYPE,
        Config.TYPE);
  }
}
