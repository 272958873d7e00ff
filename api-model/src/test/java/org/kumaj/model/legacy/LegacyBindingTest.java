package org.kumaj.model.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.legacy.LegacyTesting.bind;
import static org.kumaj.model.legacy.LegacyTesting.written;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.model.ProtoDuration;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.codec.Json;
import org.kumaj.model.mesh.Selector;

class LegacyBindingTest {

  static Stream<Arguments> fullExamples() {
    return Stream.of(
        Arguments.of(CircuitBreaker.TYPE, """
            {"sources": [{"match": {"kuma.io/service": "frontend", "kuma.io/protocol": "http"}}],
             "destinations": [{"match": {"kuma.io/service": "orders"}}],
             "conf": {"interval": "3s", "baseEjectionTime": "30s", "maxEjectionPercent": 20,
               "splitExternalAndLocalErrors": true,
               "detectors": {"totalErrors": {"consecutive": 7}, "gatewayErrors": {"consecutive": 4},
                 "localErrors": {"consecutive": 2},
                 "standardDeviation": {"requestVolume": 15, "minimumHosts": 4, "factor": 2.5},
                 "failure": {"requestVolume": 12, "minimumHosts": 2, "threshold": 70}},
               "thresholds": {"maxConnections": 3, "maxPendingRequests": 5, "maxRetries": 2,
                 "maxRequests": 6}}}
            """),
        Arguments.of(FaultInjection.TYPE, """
            {"sources": [{"match": {"kuma.io/service": "frontend"}}],
             "destinations": [{"match": {"kuma.io/service": "orders", "kuma.io/protocol": "http"}}],
             "conf": {"delay": {"percentage": 12.5, "value": "0.250s"},
               "abort": {"percentage": 100, "httpStatus": 503},
               "responseBandwidth": {"percentage": 7, "limit": "2mbps"}}}
            """),
        Arguments.of(HealthCheck.TYPE, """
            {"sources": [{"match": {"kuma.io/service": "frontend"}}],
             "destinations": [{"match": {"kuma.io/service": "orders"}}],
             "conf": {"interval": "8s", "timeout": "1.500s", "unhealthyThreshold": 4,
               "healthyThreshold": 2, "initialJitter": "0.100s", "intervalJitter": "1s",
               "intervalJitterPercent": 15, "healthyPanicThreshold": 30.5,
               "failTrafficOnPanic": true, "eventLogPath": "/tmp/health.log",
               "alwaysLogHealthCheckFailures": false, "noTrafficInterval": "20s",
               "http": {"path": "/ready",
                 "requestHeadersToAdd": [{"header": {"key": "x-probe", "value": "kuma"},
                   "append": false}],
                 "expectedStatuses": [200, 204]},
               "reuseConnection": false}}
            """),
        Arguments.of(HealthCheck.TYPE, """
            {"sources": [{"match": {"kuma.io/service": "frontend"}}],
             "destinations": [{"match": {"kuma.io/service": "redis"}}],
             "conf": {"interval": "5s", "timeout": "1s", "unhealthyThreshold": 2,
               "healthyThreshold": 1, "tcp": {"send": "UElORw==", "receive": ["K1BPTkc="]}}}
            """),
        Arguments.of(ProxyTemplate.TYPE, """
            {"selectors": [{"match": {"kuma.io/service": "gateway"}}],
             "conf": {"imports": ["default-proxy"],
               "resources": [{"name": "raw-cluster", "version": "v1",
                 "resource": "'@type': type.googleapis.com/envoy.config.cluster.v3.Cluster\\nname: raw\\n"}],
               "modifications": [
                 {"cluster": {"match": {"origin": "outbound", "name": "orders"},
                   "operation": "patch", "value": "connectTimeout: 5s"}},
                 {"listener": {"match": {"origin": "inbound", "name": "in",
                   "tags": {"kuma.io/service": "gateway"}}, "operation": "remove"}},
                 {"networkFilter": {"match": {"origin": "inbound", "name": "envoy.filters.network.tcp_proxy",
                   "listenerName": "in", "listenerTags": {"kuma.io/service": "gateway"}},
                   "operation": "addBefore", "value": "name: envoy.filters.network.rbac"}},
                 {"httpFilter": {"match": {"name": "envoy.filters.http.router"},
                   "operation": "addBefore", "value": "name: envoy.filters.http.gzip"}},
                 {"virtualHost": {"match": {"origin": "outbound", "name": "orders",
                   "routeConfigurationName": "outbound:orders"},
                   "operation": "patch", "value": "retryPolicy: {numRetries: 3}"}}]}}
            """),
        Arguments.of(RateLimit.TYPE, """
            {"sources": [{"match": {"kuma.io/service": "*"}}],
             "destinations": [{"match": {"kuma.io/service": "orders"}}],
             "conf": {"http": {"requests": 50, "interval": "10s",
               "onRateLimit": {"status": 429,
                 "headers": [{"key": "x-limited", "value": "yes", "append": true}]}}}}
            """),
        Arguments.of(Retry.TYPE, """
            {"sources": [{"match": {"kuma.io/service": "frontend"}}],
             "destinations": [{"match": {"kuma.io/service": "orders"}}],
             "conf": {
               "http": {"numRetries": 3, "perTryTimeout": "0.200s",
                 "backOff": {"baseInterval": "0.020s", "maxInterval": "1s"},
                 "retriableStatusCodes": [502, 503], "retriableMethods": ["GET", "PUT"],
                 "retryOn": ["gateway_error", "retriable_status_codes"]},
               "tcp": {"maxConnectAttempts": 4},
               "grpc": {"retryOn": ["cancelled", "unavailable"], "numRetries": 2,
                 "perTryTimeout": "0.300s", "backOff": {"baseInterval": "0.050s"}}}}
            """),
        Arguments.of(Timeout.TYPE, """
            {"sources": [{"match": {"kuma.io/service": "frontend"}}],
             "destinations": [{"match": {"kuma.io/service": "orders"}}],
             "conf": {"connectTimeout": "4s", "tcp": {"idleTimeout": "600s"},
               "http": {"requestTimeout": "12s", "idleTimeout": "1800s",
                 "streamIdleTimeout": "1800s", "maxStreamDuration": "3600s"},
               "grpc": {"streamIdleTimeout": "300s", "maxStreamDuration": "60s"}}}
            """),
        Arguments.of(TrafficLog.TYPE, """
            {"sources": [{"match": {"kuma.io/service": "frontend"}}],
             "destinations": [{"match": {"kuma.io/service": "*"}}],
             "conf": {"backend": "file"}}
            """),
        Arguments.of(TrafficPermission.TYPE, """
            {"sources": [{"match": {"kuma.io/service": "frontend", "version": "2"}}],
             "destinations": [{"match": {"kuma.io/service": "orders"}}]}
            """),
        Arguments.of(TrafficRoute.TYPE, """
            {"sources": [{"match": {"kuma.io/service": "frontend"}}],
             "destinations": [{"match": {"kuma.io/service": "orders"}}],
             "conf": {
               "split": [{"weight": 80, "destination": {"kuma.io/service": "orders", "version": "1"}},
                 {"weight": 0, "destination": {"kuma.io/service": "orders", "version": "2"}}],
               "loadBalancer": {"ringHash": {"hashFunction": "MURMUR_HASH_2",
                 "minRingSize": "64", "maxRingSize": "1024"}},
               "http": [
                 {"match": {"method": {"exact": "GET"}, "path": {"prefix": "/api"},
                   "headers": {"x-canary": {"regex": "^(yes|true)$"}}},
                  "modify": {"path": {"rewritePrefix": "/"}, "host": {"value": "orders.internal"},
                    "requestHeaders": {"add": [{"name": "x-routed", "value": "1", "append": true}],
                      "remove": [{"name": "x-debug"}]},
                    "responseHeaders": {"remove": [{"name": "server"}]}},
                  "destination": {"kuma.io/service": "orders", "version": "2"}},
                 {"match": {"path": {"exact": "/health"}},
                  "modify": {"path": {"regex": {"pattern": "^/health$", "substitution": "/ready"}},
                    "host": {"fromPath": {"pattern": "^/(.*)$", "substitution": "\\\\1.internal"}}},
                  "split": [{"weight": 1, "destination": {"kuma.io/service": "orders"}}]}]}}
            """),
        Arguments.of(TrafficRoute.TYPE, """
            {"sources": [{"match": {"kuma.io/service": "*"}}],
             "destinations": [{"match": {"kuma.io/service": "*"}}],
             "conf": {"destination": {"kuma.io/service": "*"},
               "loadBalancer": {"leastRequest": {"choiceCount": 3}}}}
            """),
        Arguments.of(TrafficRoute.TYPE, """
            {"sources": [{"match": {"kuma.io/service": "*"}}],
             "destinations": [{"match": {"kuma.io/service": "*"}}],
             "conf": {"destination": {"kuma.io/service": "*"}, "loadBalancer": {"roundRobin": {}}}}
            """),
        Arguments.of(TrafficTrace.TYPE, """
            {"selectors": [{"match": {"kuma.io/service": "orders", "region": "eu"}}],
             "conf": {"backend": "zipkin"}}
            """),
        Arguments.of(VirtualOutbound.TYPE, """
            {"selectors": [{"match": {"kuma.io/service": "*"}}],
             "conf": {"host": "{{.service}}.{{.zone}}.mesh", "port": "{{.port}}",
               "parameters": [{"name": "service", "tagKey": "kuma.io/service"},
                 {"name": "zone", "tagKey": "kuma.io/zone"}, {"name": "port"}]}}
            """));
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("fullExamples")
  void fullExampleRoundTrips(ResourceType type, String json) throws Exception {
    JsonNode input = Json.mapper().readTree(json);
    ResourceSpec spec = bind(type, json);
    assertThat(spec).isInstanceOf(type.specClass());
    assertThat(written(spec)).isEqualTo(input);
  }

  @Test
  void yamlBindsTheSameAsJson() throws Exception {
    ResourceSpec spec = bind(TrafficRoute.TYPE, """
        sources:
        - match:
            kuma.io/service: web
        destinations:
        - match:
            kuma.io/service: backend
        conf:
          split:
          - weight: 90
            destination:
              kuma.io/service: backend
              version: v2
          loadBalancer:
            maglev: {}
        """);
    assertThat(spec).isEqualTo(new TrafficRoute(
        List.of(new Selector(Map.of("kuma.io/service", "web"))),
        List.of(new Selector(Map.of("kuma.io/service", "backend"))),
        new TrafficRoute.Conf(
            List.of(new TrafficRoute.Split(90,
                Map.of("kuma.io/service", "backend", "version", "v2"))),
            new TrafficRoute.LoadBalancer(null, null, null, null, new TrafficRoute.Empty()),
            null, null)));
  }

  @Test
  void durationsAcceptGoSyntaxAndAreWrittenAsProtoDurations() throws Exception {
    Retry spec = (Retry) bind(Retry.TYPE, """
        {"conf": {"http": {"perTryTimeout": "200ms",
          "backOff": {"baseInterval": "1m30s", "maxInterval": "0.5s"}}}}
        """);
    assertThat(spec.conf().http().perTryTimeout())
        .isEqualTo(ProtoDuration.of(Duration.ofMillis(200)));
    assertThat(Json.mapper().writeValueAsString(spec)).isEqualTo(
        "{\"conf\":{\"http\":{\"perTryTimeout\":\"0.200s\","
            + "\"backOff\":{\"baseInterval\":\"90s\",\"maxInterval\":\"0.500s\"}}}}");
  }

  @Test
  void protoFieldNamesAreAcceptedAndJsonNamesWritten() throws Exception {
    ResourceSpec spec = bind(HealthCheck.TYPE, """
        {"conf": {"unhealthy_threshold": 3, "no_traffic_interval": "10s",
          "http": {"path": "/", "expected_statuses": [200],
            "request_headers_to_add": [{"header": {"key": "a", "value": "b"}}]}}}
        """);
    assertThat(written(spec)).isEqualTo(Json.mapper().readTree("""
        {"conf": {"unhealthyThreshold": 3, "noTrafficInterval": "10s",
          "http": {"path": "/", "expectedStatuses": [200],
            "requestHeadersToAdd": [{"header": {"key": "a", "value": "b"}}]}}}
        """));
  }

  @Test
  void writesLikeProtojson() throws Exception {
    // zero scalars and empty repeated fields are dropped; wrappers keep 0 and false;
    // integral doubles lose the fraction; 64-bit integers become strings
    ResourceSpec spec = bind(TrafficRoute.TYPE, """
        {"sources": [], "conf": {"split": [{"weight": 0, "destination": {}}],
          "loadBalancer": {"ringHash": {"hashFunction": "", "minRingSize": 0, "maxRingSize": 2048}},
          "http": [{"modify": {"requestHeaders": {"add": [{"name": "", "append": false}]}}}]}}
        """);
    assertThat(Json.mapper().writeValueAsString(spec)).isEqualTo(
        "{\"conf\":{\"split\":[{\"weight\":0}],"
            + "\"loadBalancer\":{\"ringHash\":{\"maxRingSize\":\"2048\"}},"
            + "\"http\":[{\"modify\":{\"requestHeaders\":{\"add\":[{}]}}}]}}");
    ResourceSpec fault = bind(FaultInjection.TYPE,
        "{\"conf\": {\"abort\": {\"percentage\": 50.0, \"httpStatus\": 0}}}");
    assertThat(Json.mapper().writeValueAsString(fault))
        .isEqualTo("{\"conf\":{\"abort\":{\"percentage\":50,\"httpStatus\":0}}}");
  }

  @Test
  void uint64AcceptsNumbersAndStrings() throws Exception {
    TrafficRoute spec = (TrafficRoute) bind(TrafficRoute.TYPE,
        "{\"conf\": {\"loadBalancer\": {\"ring_hash\": {\"min_ring_size\": 16, \"maxRingSize\": \"32\"}}}}");
    assertThat(spec.conf().loadBalancer().ringHash())
        .isEqualTo(new TrafficRoute.RingHash(null, 16L, 32L));
  }

  static Stream<Arguments> wrongJsonTypes() {
    return Stream.of(
        Arguments.of(CircuitBreaker.TYPE, "{\"conf\": {\"maxEjectionPercent\": \"50\"}}"),
        Arguments.of(HealthCheck.TYPE, "{\"conf\": {\"interval\": 10}}"),
        Arguments.of(HealthCheck.TYPE, "{\"conf\": {\"interval\": \"ten seconds\"}}"),
        Arguments.of(TrafficRoute.TYPE, "{\"conf\": {\"split\": [{\"weight\": 1.5}]}}"),
        Arguments.of(TrafficRoute.TYPE,
            "{\"conf\": {\"loadBalancer\": {\"ringHash\": {\"minRingSize\": -1}}}}"),
        Arguments.of(TrafficPermission.TYPE, "{\"sources\": {\"match\": {}}}"),
        Arguments.of(VirtualOutbound.TYPE, "{\"conf\": {\"host\": 5}}"),
        Arguments.of(Retry.TYPE, "{\"conf\": {\"http\": {\"retryOn\": \"reset\"}}}"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("wrongJsonTypes")
  void wrongJsonTypeFailsBinding(ResourceType type, String json) {
    assertThatThrownBy(() -> Json.mapper().readValue(json, type.specClass()))
        .isInstanceOf(MismatchedInputException.class);
  }
}
