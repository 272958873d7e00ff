package org.kumaj.model.policies.meshpassthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.policies.core.PolicyTesting.META;
import static org.kumaj.model.policies.core.PolicyTesting.assertRoundTrip;
import static org.kumaj.model.policies.core.PolicyTesting.expected;
import static org.kumaj.model.policies.core.PolicyTesting.violations;
import static org.kumaj.model.policies.core.PolicyTesting.warnings;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import org.kumaj.model.codec.Json;

class MeshPassthroughTest {
  private static final String FULL = """
      targetRef:
        kind: Dataplane
        labels: {app: web}
      default:
        passthroughMode: Matched
        appendMatch:
          - type: Domain
            value: api.example.com
            port: 443
            protocol: tls
          - type: Domain
            value: "*.example.com"
            port: 80
            protocol: http
          - type: IP
            value: 10.0.0.1
            protocol: tcp
          - type: CIDR
            value: 192.168.0.0/16
            port: 3306
            protocol: mysql
          - type: IP
            value: "2001:db8::1"
            protocol: tcp
          - type: CIDR
            value: "fd00::/8"
            protocol: tcp
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshPassthrough spec = assertRoundTrip(MeshPassthrough.TYPE, FULL);
    assertThat(spec.defaultConf().appendMatch().get(3).port()).isEqualTo(3306);
  }

  @Test
  void acceptsValidSpecs() {
    assertThat(violations(MeshPassthrough.TYPE, META, FULL)).isEmpty();
    assertThat(violations(MeshPassthrough.TYPE, META, "default: {passthroughMode: All}")).isEmpty();
  }

  @Test
  void reportsEveryViolation() {
    String yaml = """
        targetRef:
          kind: MeshService
          name: web
        default:
          appendMatch:
          - {type: test, value: 1.2.3.4, port: 0, protocol: "1"}
          - {type: Domain, value: 1.2.3.4, port: 1, protocol: tcp}
          - {type: IP, value: example.com, port: 1, protocol: tls}
          - {type: Domain, value: example.com, port: 999, protocol: tcp}
          - {type: CIDR, value: 1.2.3.4, port: 999, protocol: tcp}
          - {type: Domain, value: example.com, port: 8080, protocol: http}
          - {type: Domain, value: example.com, port: 8080, protocol: http2}
          - {type: Domain, value: "*w.example.com", port: 9090, protocol: http2}
          - {type: Domain, value: google.com, port: 10000, protocol: http}
          - {type: Domain, value: google.com, port: 10000, protocol: http}
          - {type: Domain, value: "*.example.com", protocol: http}
          - {type: Domain, value: mysql.server.com, port: 3306, protocol: mysql}
          - {type: IP, value: 172.1.1.1, protocol: mysql}
          - {type: Domain, value: "*.hello@world", port: 443, protocol: tls}
          - {type: IP, value: 010.1.1.1, protocol: tcp, port: 70000}
          - {type: CIDR, value: 10.0.0.0/33, protocol: tcp}
        """;
    assertThat(violations(MeshPassthrough.TYPE, META, yaml)).isEqualTo(expected("""
        spec.targetRef.kind: value 'MeshService' is not supported
        spec.default.appendMatch[0].port: port must be a valid (1-65535)
        spec.default.appendMatch[0].protocol: "protocol" must be one of ["tcp", "tls", "grpc", "http", "http2", "mysql"]
        spec.default.appendMatch[0].type: provided type test is not supported, one of Domain, IP, or CIDR is supported
        spec.default.appendMatch[1].protocol: protocol tcp is not supported for a domain
        spec.default.appendMatch[1].value: provided DNS has incorrect value
        spec.default.appendMatch[2].value: provided IP has incorrect value
        spec.default.appendMatch[3].protocol: protocol tcp is not supported for a domain
        spec.default.appendMatch[4].value: provided CIDR has incorrect value
        spec.default.appendMatch[6].port: using the same port in multiple matches requires the same protocol for the following protocols: [grpc http http2]
        spec.default.appendMatch[7].value: provided DNS has incorrect value, partial wildcard is currently not supported
        spec.default.appendMatch[9].value: value google.com is already defiend for this port and protocol
        spec.default.appendMatch[10].port: wildcard domains doesn't work for all ports and layer 7 protocol
        spec.default.appendMatch[11].protocol: protocol mysql is not supported for a domain
        spec.default.appendMatch[12].port: port must be defined for Mysql protocol
        spec.default.appendMatch[13].value: provided DNS has incorrect value
        spec.default.appendMatch[14].port: port must be a valid (1-65535)
        spec.default.appendMatch[14].value: provided IP has incorrect value
        spec.default.appendMatch[15].value: provided CIDR has incorrect value
        """));
  }

  @Test
  void hasNoDeprecationWarnings() {
    assertThat(warnings(MeshPassthrough.TYPE, """
        targetRef: {kind: MeshSubset, tags: {app: web}}
        default: {passthroughMode: All}
        """)).isEmpty();
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"default\":{\"appendMatch\":[{\"protocol\":1}]}}", MeshPassthrough.class))
        .isInstanceOf(MismatchedInputException.class);
  }
}
