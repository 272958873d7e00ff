package org.kumaj.model.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.system.SpecAssertions.assertRoundTrip;
import static org.kumaj.model.system.SpecAssertions.lines;
import static org.kumaj.model.system.SpecAssertions.validate;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.model.codec.Json;
import org.kumaj.model.system.DataSource;

class ExternalServiceTest {
  static final String FULL = """
      networking:
        address: httpbin.org:443
        tls:
          enabled: true
          caCert:
            secret: ca
          clientCert:
            file: /certs/client.pem
          clientKey:
            inline: a2V5
          allowRenegotiation: false
          serverName: httpbin.org
          skipHostnameVerification: false
        disableHostDNSEntry: true
      tags:
        kuma.io/service: httpbin
        kuma.io/protocol: http
      """;

  @Test
  void bindsEveryFieldAndWritesItBack() throws Exception {
    ExternalService es = assertRoundTrip(FULL, ExternalService.class);
    assertThat(es.networking().tls().clientKey()).isEqualTo(new DataSource(null, null, "a2V5", null));
    assertThat(es.service()).isEqualTo("httpbin");
    assertThat(validate(ExternalService.TYPE, "httpbin", FULL).list()).isEmpty();
  }

  @Test
  void wrongJsonTypeFailsBinding() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"networking\":{\"tls\":{\"enabled\":\"yes\"}}}", ExternalService.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"networking\":{\"tls\":{\"caCert\":{\"inline\":\"not base64!\"}}}}", ExternalService.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  static Stream<Arguments> invalidServices() {
    return Stream.of(
        Arguments.of("no networking, no tags", "{}", List.of(
            "networking: should have networking",
            "tags: mandatory tag \"kuma.io/service\" is missing")),
        Arguments.of("address without port", """
            networking:
              address: example
              tls:
                serverName: ''
                caCert: {}
                clientKey:
                  secret: ''
            tags:
              kuma.io/service: example
              kuma.io/protocol: smtp
            """, List.of(
            "networking.address: unable to parse address",
            "networking.address: address has to be a valid IP address or a domain name",
            "networking.address: unable to parse port in address",
            "networking.address: port must be in the range [1, 65535]",
            "networking.tls.serverName: cannot be empty",
            "networking.tls.caCert: data source cannot be empty",
            "networking.tls.clientKey: data source cannot be empty",
            "tags[\"kuma.io/protocol\"]: tag \"kuma.io/protocol\" has an invalid value \"smtp\". Allowed"
                + " values: grpc, http, http2, kafka, tcp")),
        Arguments.of("bad port and service equal to host", """
            networking:
              address: 'example.com:99999999999'
            tags:
              kuma.io/service: example.com
            """, List.of(
            "networking.address: unable to parse port in address",
            "networking.address: port must be in the range [1, 65535]",
            "tags[\"kuma.io/service\"]: cannot be the same as networking.address")),
        Arguments.of("empty address", """
            networking:
              address: ''
            tags:
              kuma.io/service: x
            """, List.of("networking.address: address can't be empty")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidServices")
  void reportsKumasViolations(String name, String yaml, List<String> expected) throws Exception {
    assertThat(lines(validate(ExternalService.TYPE, "es", yaml))).containsExactlyElementsOf(expected);
  }
}
