package org.kumaj.model.policies.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.validation.GoStrings;

/** The Go library behaviour Kuma's validators depend on. */
class GoCompatTest {

  @ParameterizedTest
  @CsvSource({
      "1.2.3.4,true,true", "255.255.255.255,true,true", "256.1.1.1,false,false",
      "01.2.3.4,false,true", "1.2.3,false,false", "1.2.3.4.5,false,false", "1..2.3,false,false",
      "::,true,true", "::1,true,true", "2001:db8::1,true,true", "fe80::1%eth0,false,false",
      "::ffff:1.2.3.4,true,true", "::ffff:01.2.3.4,false,true", "1:2:3:4:5:6:7:8,true,true",
      "1:2:3:4:5:6:7:8:9,false,false", "1::2::3,false,false", "00001::,false,true",
      "1:2:3:4:5:6:7::,true,true", "1:2:3:4:5:6:7:8::,false,false", "example.com,false,false",
      "12345,false,false"})
  void parsesIpsLikeGo(String text, boolean strict, boolean sloppy) {
    assertThat(GoNet.isIP(text)).as("ParseIP(%s)", text).isEqualTo(strict);
    assertThat(GoNet.isIPSloppy(text)).as("ParseIPSloppy(%s)", text).isEqualTo(sloppy);
  }

  @ParameterizedTest
  @CsvSource({"10.0.0.0/8,true", "10.0.0.0/32,true", "10.0.0.0/33,false", "fd00::/128,true",
      "fd00::/129,false", "10.0.0.0/,false", "10.0.0.0,false", "10.0.0.0/08,true",
      "10.0.0.0/8x,false", "::ffff:1.2.3.4/100,true"})
  void parsesCidrsLikeGo(String text, boolean valid) {
    assertThat(GoNet.isCIDR(text)).as(text).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"host:80,true", "host:,true", ":80,true", "[::1]:80,true", "host,false",
      "a:b:c,false", "[::1],false", "[::1]x:80,false", "[::1:80,false", "ho]st:80,false"})
  void splitsHostPortsLikeGo(String text, boolean valid) {
    assertThat(GoNet.isHostPort(text)).as(text).isEqualTo(valid);
  }

  @Test
  void parsesUrlsLikeGo() {
    GoUrl url = GoUrl.parse("HTTP://user:pw@example.com:8080/a%2Eb?q=1#frag");
    assertThat(url).isEqualTo(new GoUrl("http", "", true, "example.com:8080", "/a%2Eb", "q=1",
        "frag"));
    assertThat(url.port()).isEqualTo("8080");
    assertThat(url.decodedPath()).isEqualTo("/a.b");
    assertThat(GoUrl.parse("mailto:someone").opaque()).isEqualTo("someone");
    assertThat(GoUrl.parseRequestUri("/just/a/path").path()).isEqualTo("/just/a/path");
    assertThat(GoUrl.parseRequestUri("http://[::1]:80").port()).isEqualTo("80");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://a b", "http://host:port", "://x", "1a:b/c", "http://x/%zz",
      "http://[::1", "http://h\u0001", "http://%41.com"})
  void rejectsUrlsGoRejects(String text) {
    assertThat(GoUrl.parse(text)).isNull();
  }

  @Test
  void requestUrisMustBeAbsolute() {
    assertThat(GoUrl.parseRequestUri("")).isNull();
    assertThat(GoUrl.parseRequestUri("relative")).isNull();
    assertThat(GoUrl.parseRequestUri("http://x/#frag").path()).isEqualTo("/#frag");
    assertThat(GoUrl.parseRequestUri("http://x#frag")).isNull();
  }

  @ParameterizedTest
  @CsvSource({"http://example.com,true", "example.com,true", "localhost:9411,true",
      "tcp://1.2.3.4:514,true", "https://a.b/c?d=e#f,true", "http://[fe80::1]:80/x,true",
      "abc,false", ".example.com,false", "http://.example.com,false", "not_valid_url,false",
      "http://a_b.com,true", "ftp://files.example.org/pub,true", "a..b,false",
      "http://example.com:123456,false"})
  void validatesUrlsLikeGovalidator(String text, boolean valid) {
    assertThat(GoValidator.isURL(text)).as(text).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"/var/log/x.log,true", "/,true", "relative/path,false", "#not_valid,false",
      "C:\\logs\\x.log,true", "C:/logs,false", "'',false"})
  void validatesFilePathsLikeGovalidator(String text, boolean valid) {
    assertThat(GoValidator.isFilePath(text)).as(text).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"example.com,true", "a_b.example.com,true", "example.com.,true", "1.2.3.4,false",
      "-a.com,false", "a..b,false", "'',false", "hello@world,false"})
  void validatesDnsNamesLikeGovalidator(String text, boolean valid) {
    assertThat(GoValidator.isDNSName(text)).as(text).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"{\"a\": \"b\"}|true", "{\"\"\": \"b\"}|false",
      "{\"a\": \"b\"} {}|false", "\"x\"|true", "|false", "{\"a\": \"\\q\"}|false"})
  void validatesJsonLikeGovalidator(String text, boolean valid) {
    assertThat(GoValidator.isJSON(text == null ? "" : text)).as(text).isEqualTo(valid);
  }

  @Test
  void reportsDns1123Errors() {
    assertThat(K8sNames.dns1123SubdomainErrors("backend.mesh")).isEmpty();
    assertThat(K8sNames.dns1123SubdomainErrors("Backend")).singleElement().asString()
        .startsWith("a lowercase RFC 1123 subdomain must consist of");
    assertThat(K8sNames.dns1123SubdomainErrors("a".repeat(254)))
        .containsExactly("must be no more than 253 characters");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "spiffe://example.org/ns/default|",
      "spiffe://example.org|",
      "|cannot be empty",
      "http://example.org|scheme is missing or invalid",
      "spiffe://|trust domain is missing",
      "spiffe:///path|trust domain is missing",
      "spiffe://Example.org|trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores",
      "spiffe://example.org/|path cannot have a trailing slash",
      "spiffe://example.org//a|path cannot contain empty segments",
      "spiffe://example.org/./a|path cannot contain dot segments",
      "spiffe://example.org/a/..|path cannot contain dot segments",
      "spiffe://example.org/a b|path segment characters are limited to letters, numbers, dots, dashes, and underscores"})
  void checksSpiffeIdsLikeGoSpiffe(String id, String error) {
    assertThat(SpiffeIds.error(id == null ? "" : id)).isEqualTo(error);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"envoy_.*|true", "(?P<x>a)|true", "(?i)abc|true",
      "[[:alpha:]]+|true", "a{2,3}|true", "a{|true", "\\Qa.b\\E|true", "a*?|true",
      "([a-z]+|false", "(?=a)|false", "(?!a)|false", "(?<=a)|false", "(?>a)|false", "a++|false",
      "a**|false", "(a)\\1|false", "a{1001}|false", "(?x)a|false", "\\h|false", "a*??|false"})
  void compilesRegexesLikeGo(String pattern, boolean valid) {
    assertThat(GoRegex.isValid(pattern)).as(pattern).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"abc|\"abc\"", "a\"b|\"a\\\"b\"", "tab\there|\"tab\\there\"",
      "é|\"é\""})
  void quotesLikeGo(String text, String quoted) {
    assertThat(GoStrings.quote(text)).isEqualTo(quoted);
  }

  @Test
  void escapesNonPrintableCharactersLikeGo() {
    assertThat(GoStrings.quote("\u0001\u007f")).isEqualTo("\"\\x01\\x7f\"");
    assertThat(GoStrings.quote("a\u200bb")).isEqualTo("\"a\\u200bb\"");
    assertThat(GoStrings.escape("k\"v")).isEqualTo("k\\\"v");
  }
}
