package org.kumaj.model.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoNetTest {
  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1", "0.0.0.0", "255.255.255.255", "::", "::1", "fe80::1:2",
      "2001:db8::ff00:42:8329", "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4"})
  void parsesWhatGoParses(String ip) {
    assertThat(GoNet.isIp(ip)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10.0.0", "10.0.0.256", "010.0.0.1", "1.2.3.4.5", "fe80::1%eth0", ":::",
      "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "example.com", "1:2:3:4:5:6:7:1.2.3.4", "1:"})
  void rejectsWhatGoRejects(String ip) {
    assertThat(GoNet.isIp(ip)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"127.0.0.1,true", "0.0.0.0,true", "::,true", "::ffff:127.0.0.1,true", "10.0.0.1,false",
      "localhost,false"})
  void overlapsLoopbackLikeKuma(String address, boolean overlaps) {
    assertThat(ProxyPorts.overlapsLoopback(address)).isEqualTo(overlaps);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"example.com:80|example.com|80", "[::1]:443|::1|443", ":80||80",
      "host:|host|"})
  void splitsHostPort(String input, String host, String port) {
    assertThat(GoNet.splitHostPort(input))
        .isEqualTo(new GoNet.HostPort(host == null ? "" : host, port == null ? "" : port));
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "a:b:c", "[::1]", "[::1]:80:90", "a]:80"})
  void refusesWhatSplitHostPortRefuses(String input) {
    assertThat(GoNet.splitHostPort(input)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"http://zipkin:9411/api,9411", "http://zipkin/api,''", "https://[::1]:8443,8443",
      "/healthz,''", "http://user@host:1,1", "mailto:a@b,''"})
  void parsesRequestUris(String uri, String port) {
    assertThat(GoNet.parseRequestUri(uri).port()).isEqualTo(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "healthz", "not a url", "http://host:port/", "/bad%zz", "://x", "http://a b/"})
  void refusesWhatParseRequestUriRefuses(String uri) {
    assertThat(GoNet.parseRequestUri(uri)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"example.com,true", "my_host,true", "a-b.c,true", "-a,false", "a..b,false", "10.0.0.1,false",
      "'',false", "bad host,false"})
  void checksDnsNamesLikeGovalidator(String name, boolean valid) {
    assertThat(GoNet.isDnsName(name)).isEqualTo(valid);
  }
}
