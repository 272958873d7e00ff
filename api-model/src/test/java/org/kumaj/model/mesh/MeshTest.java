package org.kumaj.model.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.system.SpecAssertions.assertRoundTrip;
import static org.kumaj.model.system.SpecAssertions.lines;
import static org.kumaj.model.system.SpecAssertions.rewrite;
import static org.kumaj.model.system.SpecAssertions.tree;
import static org.kumaj.model.system.SpecAssertions.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.model.ProtoDuration;
import org.kumaj.model.codec.Json;
import org.kumaj.model.system.DataSource;
import org.kumaj.model.validation.Violations;

class MeshTest {
  static final String FULL = """
      mtls:
        enabledBackend: ca-1
        backends:
          - name: ca-1
            type: builtin
            dpCert:
              rotation:
                expiration: 1d
              requestTimeout: 0.250s
            conf:
              caCert:
                RSAbits: 2048
                expiration: 10y
            mode: PERMISSIVE
            rootChain:
              requestTimeout: 10s
        skipValidation: true
      tracing:
        defaultBackend: zipkin-1
        backends:
          - name: zipkin-1
            sampling: 80.5
            type: zipkin
            conf:
              url: http://zipkin.local:9411/api/v2/spans
              traceId128bit: true
              apiVersion: httpJson
              sharedSpanContext: false
          - name: datadog-1
            sampling: 100
            type: datadog
            conf:
              address: 10.0.0.1
              port: 8126
              splitService: true
      logging:
        defaultBackend: file-1
        backends:
          - name: file-1
            format: '%START_TIME% %KUMA_SOURCE_SERVICE%'
            type: file
            conf:
              path: /tmp/access.log
          - name: tcp-1
            type: tcp
            conf:
              address: 127.0.0.1:5000
      metrics:
        enabledBackend: prometheus-1
        backends:
          - name: prometheus-1
            type: prometheus
            conf:
              port: 5670
              path: /metrics
              tags:
                kuma.io/service: dataplane-metrics
              aggregate:
                - name: app
                  port: 8080
                  path: /stats
                  enabled: true
                  address: 127.0.0.1
              envoy:
                filterRegex: http2_act.*
                usedOnly: true
              tls:
                mode: providedTLS
      networking:
        outbound:
          passthrough: false
      routing:
        localityAwareLoadBalancing: true
        zoneEgress: true
        defaultForbidMeshExternalServiceAccess: true
      constraints:
        dataplaneProxy:
          requirements:
            - tags:
                kuma.io/zone: east
          restrictions:
            - tags:
                kuma.io/service: '*'
      skipCreatingInitialPolicies:
        - '*'
      meshServices:
        mode: Exclusive
      """;

  @Test
  void bindsEveryFieldAndWritesItBack() throws Exception {
    Mesh mesh = assertRoundTrip(FULL, Mesh.class);

    CertificateAuthorityBackend ca = mesh.enabledCertificateAuthorityBackend();
    assertThat(ca.dpCert().requestTimeout()).isEqualTo(ProtoDuration.of(Duration.ofMillis(250)));
    assertThat(ca.rootChain().requestTimeout().toDuration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(ca.builtinConfig()).isEqualTo(new CertificateAuthorityBackend.BuiltinConfig(
        new CertificateAuthorityBackend.CaCert(2048, "10y")));
    assertThat(mesh.tracing().backends().get(0).sampling()).isEqualTo(80.5);
    assertThat(mesh.networking().outbound().passthrough()).isFalse();
    assertThat(mesh.constraints().dataplaneProxy().restrictions().get(0).tags())
        .containsEntry("kuma.io/service", "*");
    assertThat(mesh.meshServices().mode()).isEqualTo("Exclusive");
    assertThat(mesh.mtlsEnabled()).isTrue();
    assertThat(validate(Mesh.TYPE, "default", FULL).list()).isEmpty();
  }

  @Test
  void typedBackendConfsBindTheirConf() throws Exception {
    Mesh mesh = Json.yaml().readValue(FULL, Mesh.class);
    Mesh.TracingBackend zipkin = mesh.tracing().backends().get(0);
    Mesh.TracingBackend datadog = mesh.tracing().backends().get(1);
    assertThat(ProtoConf.read(zipkin.conf(), Mesh.ZipkinTracingBackendConfig.class)).isEqualTo(
        new Mesh.ZipkinTracingBackendConfig("http://zipkin.local:9411/api/v2/spans", true, "httpJson", false));
    assertThat(ProtoConf.read(datadog.conf(), Mesh.DatadogTracingBackendConfig.class))
        .isEqualTo(new Mesh.DatadogTracingBackendConfig("10.0.0.1", 8126, true));
    assertThat(ProtoConf.read(mesh.logging().backends().get(0).conf(), Mesh.FileLoggingBackendConfig.class))
        .isEqualTo(new Mesh.FileLoggingBackendConfig("/tmp/access.log"));
    assertThat(ProtoConf.read(mesh.logging().backends().get(1).conf(), Mesh.TcpLoggingBackendConfig.class))
        .isEqualTo(new Mesh.TcpLoggingBackendConfig("127.0.0.1:5000"));
    PrometheusMetricsBackendConfig prometheus = mesh.metrics().backends().get(0).prometheusConfig();
    assertThat(prometheus.aggregate()).containsExactly(
        new PrometheusMetricsBackendConfig.Aggregate("app", 8080, "/stats", true, "127.0.0.1"));
    assertThat(prometheus.envoy()).isEqualTo(new PrometheusMetricsBackendConfig.Envoy("http2_act.*", true));
    assertThat(prometheus.tls()).isEqualTo(new PrometheusMetricsBackendConfig.Tls("providedTLS"));
  }

  @Test
  void providedCaConfReadsDataSources() throws Exception {
    Mesh mesh = Json.yaml().readValue("""
        mtls:
          enabledBackend: ca-2
          backends:
            - name: ca-2
              type: provided
              conf:
                cert:
                  secret: my-cert
                key:
                  inline: a2V5
        """, Mesh.class);
    assertThat(mesh.enabledCertificateAuthorityBackend().providedConfig()).isEqualTo(
        new CertificateAuthorityBackend.ProvidedConfig(new DataSource("my-cert", null, null, null),
            new DataSource(null, null, "a2V5", null)));
  }

  @Test
  void protoZeroValuesAreOmittedButWrappersAreKept() throws Exception {
    assertThat(rewrite("""
        mtls:
          enabledBackend: ''
          backends:
            - name: ca-1
              type: builtin
              mode: STRICT
          skipValidation: false
        tracing:
          backends:
            - name: t
              type: zipkin
              sampling: 0
        networking:
          outbound:
            passthrough: false
        routing:
          zoneEgress: false
        skipCreatingInitialPolicies: []
        meshServices:
          mode: Disabled
        """, Mesh.class)).isEqualTo(tree("""
        mtls:
          backends:
            - name: ca-1
              type: builtin
        tracing:
          backends:
            - name: t
              type: zipkin
              sampling: 0
        networking:
          outbound:
            passthrough: false
        routing: {}
        meshServices: {}
        """));
  }

  @Test
  void backendConfIsAStructLikeInKuma() throws Exception {
    assertThat(rewrite("""
        metrics:
          backends:
            - name: p
              type: prometheus
              conf:
                port: 1234.0
                ratio: 0.5
                nested: [2.0, {a: 3.0}]
            - name: q
              type: prometheus
              conf: null
        """, Mesh.class)).isEqualTo(tree("""
        metrics:
          backends:
            - name: p
              type: prometheus
              conf:
                port: 1234
                ratio: 0.5
                nested: [2, {a: 3}]
            - name: q
              type: prometheus
        """));
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"metrics\":{\"backends\":[{\"conf\":\"port=1\"}]}}", Mesh.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void wrongJsonTypeFailsBinding() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"routing\":{\"zoneEgress\":\"true\"}}", Mesh.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> Json.mapper().readValue("{\"mtls\":{\"backends\":\"ca-1\"}}", Mesh.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void durationsAreReadAsGoDurationsLikeJsonpb() throws Exception {
    Mesh mesh = Json.yaml().readValue("""
        mtls:
          backends:
            - name: ca
              type: builtin
              dpCert:
                requestTimeout: 1m30s
        """, Mesh.class);
    assertThat(Json.mapper().<JsonNode>valueToTree(mesh).at("/mtls/backends/0/dpCert/requestTimeout").asText())
        .isEqualTo("90s");
  }

  @Test
  void warnsWhenNameIsNotDns1035LikeKuma() throws Exception {
    var out = validate(Mesh.TYPE, "aa.a", "");
    assertThat(out.list()).isEmpty();
    assertThat(out.warnings()).containsExactly("Invalid Mesh resource name: 'aa.a'. It does not conform"
        + " to the DNS format (RFC 1035). This is deprecated. Errors: a DNS-1035 label must consist of"
        + " lower case alphanumeric characters or '-', start with an alphabetic character, and end with an"
        + " alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is"
        + " '[a-z]([-a-z0-9]*[a-z0-9])?')");
    assertThat(validate(Mesh.TYPE, "new-mesh", "").warnings()).isEmpty();
  }

  static Stream<Arguments> invalidMeshes() {
    return Stream.of(
        Arguments.of("mtls backends", """
            mtls:
              enabledBackend: ca-3
              backends:
                - name: ca-1
                  type: builtin
                  dpCert:
                    rotation:
                      expiration: 1x
                - name: ca-1
                  type: provided
                  mode: LOOSE
            """, List.of(
            "mtls.backends: cannot have more than 1 backends",
            "mtls.dpcert.rotation.expiration: has to be a valid format",
            "mtls.backends[1].name: \"ca-1\" name is already used for another backend",
            "mtls.backends[1].mode: unknown value \"\\\"LOOSE\\\"\" for enum"
                + " kuma.mesh.v1alpha1.CertificateAuthorityBackend.Mode",
            "mtls.enabledBackend: has to be set to one of the backends in the mesh")),
        Arguments.of("logging backends", """
            logging:
              defaultBackend: missing
              backends:
                - type: file
                - name: tcp-1
                  type: tcp
                  conf:
                    address: no-port
                - name: tcp-2
                  type: tcp
                - name: tcp-2
                  type: syslog
                - name: bad
                  type: file
                  conf:
                    path: 5
            """, List.of(
            "logging.backends[0].name: cannot be empty",
            "logging.backends[0].config.path: cannot be empty",
            "logging.backends[1].config.address: has to be in format of HOST:PORT",
            "logging.backends[2].config.address: cannot be empty",
            "logging.backends[3].type: unknown backend type. Available backends: \"tcp\", \"file\"",
            "logging.backends[3].name: \"tcp-2\" name is already used for another backend",
            "logging.backends[4].config: could not parse config: field path: Cannot coerce Integer"
                + " value (5) to `java.lang.String` value (but could if coercion was enabled using"
                + " `CoercionConfig`)",
            "logging.defaultBackend: has to be set to one of the logging backend in mesh")),
        Arguments.of("tracing backends", """
            tracing:
              defaultBackend: nope
              backends:
                - name: z1
                  type: zipkin
                  sampling: 100.1
                  conf:
                    url: http://zipkin
                    apiVersion: v3
                - name: z2
                  type: zipkin
                  conf:
                    url: not a url
                - name: z3
                  type: zipkin
                - name: d1
                  type: datadog
                  sampling: -1
                  conf:
                    port: 70000
                - type: jaeger
            """, List.of(
            "tracing.backends[0].sampling: has to be in [0.0 - 100.0] range",
            "tracing.backends[0].config.apiVersion: has invalid value. Allowed values: httpJsonV1,"
                + " httpJson, httpProto",
            "tracing.backends[0].config.url: port has to be explicitly specified",
            "tracing.backends[1].config.url: invalid URL",
            "tracing.backends[2].config.url: cannot be empty",
            "tracing.backends[3].sampling: has to be in [0.0 - 100.0] range",
            "tracing.backends[3].config.address: cannot be empty",
            "tracing.backends[3].config.port: port must be in the range [1, 65535]",
            "tracing.backends[4].name: cannot be empty",
            "tracing.backends[4].type: unknown backend type. Available backends: \"zipkin\", \"datadog\"",
            "tracing.defaultBackend: has to be set to one of the tracing backend in mesh")),
        Arguments.of("metrics backends", """
            metrics:
              enabledBackend: other
              backends:
                - name: p1
                  type: prometheus
                  conf:
                    skipMTLS: true
                    tls:
                      mode: activeMTLSBackend
                - name: p1
                  type: prometheus
                  conf:
                    envoy:
                      filterRegex: '('
                - name: p3
                  type: prometheus
                  conf:
                    aggregate:
                      - name: a
                      - name: a
                - name: p4
                  type: statsd
                - name: p5
                  type: prometheus
                  conf:
                    tls:
                      mode: mtls
            """, List.of(
            "metrics.backends[0].conf: skipMTLS and tls configuration cannot be defined together",
            "metrics.backends[1].name: \"p1\" name is already used for another backend",
            "metrics.backends[1].conf.envoy.filterRegex: provided regexp isn't correct: error parsing"
                + " regexp: Unclosed group",
            "metrics.backends[2].conf.aggregate[1].name: duplicate entry: a, values have to be unique",
            "metrics.backends[3].type: unknown backend type. Available backends: \"prometheus\"",
            "metrics.backends[4].conf: could not parse config: unknown value \"\\\"mtls\\\"\" for enum"
                + " kuma.mesh.v1alpha1.PrometheusTlsConfig.Mode",
            "metrics.enabledBackend: has to be set to one of the backends in the mesh")),
        Arguments.of("constraints and zone egress", """
            routing:
              zoneEgress: true
            constraints:
              dataplaneProxy:
                requirements:
                  - tags: {}
                  - tags:
                      'bad key!': x
                restrictions:
                  - tags:
                      kuma.io/service: 'a b'
            meshServices:
              mode: Sometimes
            """, List.of(
            "constraints.dataplaneProxy.requirements[0].tags: must have at least one tag",
            "constraints.dataplaneProxy.requirements[1].tags[\"bad key!\"]: tag name must consist of"
                + " alphanumeric characters, dots, dashes, slashes and underscores",
            "constraints.dataplaneProxy.restrictions[0].tags[\"kuma.io/service\"]: tag value must consist"
                + " of alphanumeric characters, dots, dashes, slashes and underscores or be \"*\"",
            "mtls: has to be set when zoneEgress enabled",
            "meshServices.mode: unknown value \"\\\"Sometimes\\\"\" for enum"
                + " kuma.mesh.v1alpha1.Mesh.MeshServices.Mode")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidMeshes")
  void reportsKumasViolations(String name, String yaml, List<String> expected) throws Exception {
    assertThat(lines(validate(Mesh.TYPE, "default", yaml))).containsExactlyElementsOf(expected);
  }

  @Test
  void acceptsRotationFormatsKumaAccepts() {
    assertThat(List.of("0", "1y", "2w", "3d", "4h", "5m", "6s", "7ms"))
        .allMatch(MeshValidator::isRotationDuration);
    assertThat(List.of("", "1", "1.5h", "-1d", "1h30m")).noneMatch(MeshValidator::isRotationDuration);
  }

  @Test
  void defaulterFillsPrometheusBackendsLikeKuma() throws Exception {
    Mesh mesh = Json.yaml().<Mesh>readValue("""
        metrics:
          enabledBackend: p
          backends:
            - name: p
              type: prometheus
            - name: q
              type: prometheus
              conf:
                skipMTLS: true
                port: 1234
            - name: other
              type: statsd
        """, Mesh.class).withDefaults();
    assertThat(Json.mapper().<JsonNode>valueToTree(mesh.metrics())).isEqualTo(tree("""
        enabledBackend: p
        backends:
          - name: p
            type: prometheus
            conf:
              port: 5670
              path: /metrics
              tags:
                kuma.io/service: dataplane-metrics
              tls: {}
          - name: q
            type: prometheus
            conf:
              port: 1234
              path: /metrics
              tags:
                kuma.io/service: dataplane-metrics
              skipMTLS: true
              tls:
                mode: disabled
          - name: other
            type: statsd
        """));
    assertThat(Mesh.EMPTY.withDefaults()).isSameAs(Mesh.EMPTY);
  }

  @Test
  void managerChecksCoverCaPluginsAndCaSwitch() throws Exception {
    Mesh builtin = Json.yaml().readValue("""
        mtls:
          enabledBackend: CA_1
          backends:
            - name: CA_1
              type: builtin
        """, Mesh.class);
    Mesh provided = Json.yaml().readValue("""
        mtls:
          enabledBackend: ca-2
          backends:
            - name: ca-2
              type: provided
              conf:
                cert:
                  secret: ''
        """, Mesh.class);
    Violations out = new Violations();
    MeshManagerChecks.validateCreate("m".repeat(64), builtin, Set.of("builtin", "provided"), MeshManagerChecks.STRUCTURAL, out);
    MeshManagerChecks.validateUpdate("default", builtin, provided, Set.of("builtin", "provided"), MeshManagerChecks.STRUCTURAL, out);
    MeshManagerChecks.validateMtlsBackends("default", provided, Set.of("builtin"), MeshManagerChecks.STRUCTURAL, out);
    assertThat(lines(out)).containsExactly(
        "name: cannot be longer than 63 characters",
        "mtls.backends[0].conf.mtls.backends.name: \"CA_1\" name must be valid dns name",
        "mtls.enabledBackend: Changing CA when mTLS is enabled is forbidden. Disable mTLS first and then"
            + " change the CA",
        "mtls.backends[0].conf.cert.secret: cannot be empty",
        "mtls.backends[0].conf.key: has to be defined",
        "mtls.backends[0].type: could not find installed plugin for this type");
  }
}
