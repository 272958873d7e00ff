package org.kumaj.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.codec.UniversalCodec;
import org.kumaj.model.validation.ValidationException;
import org.kumaj.model.validation.Violation;

/** One bad input per schema keyword, against Kuma's real tables, with Kuma's fields and messages. */
class SchemaValidationTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<Violation> zoneAddress(String spec) {
    return SchemaValidation.validate("MeshZoneAddress",
        json("{'type':'MeshZoneAddress','name':'a','spec':" + spec + "}"));
  }

  private static Violation v(String field, String message) {
    return new Violation(field, message);
  }

  @Test
  void validDocumentHasNoViolations() {
    assertThat(zoneAddress("{'address':'10.0.0.1','port':10001}")).isEmpty();
  }

  @Test
  void badEnumValue() {
    List<Violation> out = SchemaValidation.validate("MeshTimeout",
        json("{'type':'MeshTimeout','name':'t','spec':{'targetRef':{'kind':'Foo'}}}"));
    assertThat(out).containsExactly(v("spec.targetRef.kind", "in body should be one of [Mesh MeshSubset "
        + "MeshGateway MeshService MeshExternalService MeshMultiZoneService MeshServiceSubset MeshHTTPRoute Dataplane]"));
  }

  @Test
  void wrongTypeNameIsReportedWithoutField() {
    // put_mtp_01 of Kuma's API fixtures
    List<Violation> out = SchemaValidation.validate("MeshTrafficPermission",
        json("{'type':'TrafficPermission','name':'sample','spec':{'targetRef':{'kind':'Mesh'}}}"));
    assertThat(out).containsExactly(v("", "type in body should be one of [MeshTrafficPermission]"));
  }

  @Test
  void integerIntegerOutOfRange() {
    assertThat(zoneAddress("{'address':'a','port':70000}"))
        .containsExactly(v("spec.port", "in body should be less than or equal to 65535"));
    assertThat(zoneAddress("{'address':'a','port':0}"))
        .containsExactly(v("spec.port", "in body should be greater than or equal to 1"));
  }

  @Test
  void largeBoundsPrintAsGoFloats() {
    List<Violation> out = SchemaValidation.validate("MeshLoadBalancingStrategy", json("{'type':"
        + "'MeshLoadBalancingStrategy','name':'l','spec':{'targetRef':{'kind':'Mesh'},'to':[{'targetRef':"
        + "{'kind':'Mesh'},'default':{'loadBalancer':{'type':'RingHash','ringHash':{'maxRingSize':9000000}}}}]}}"));
    assertThat(out).containsExactly(v("spec.to[0].default.loadBalancer.ringHash.maxRingSize",
        "in body should be less than or equal to 8e+06"));
  }

  @Test
  void fractionalValueOfAnInt32Field() {
    assertThat(zoneAddress("{'address':'a','port':1.5}")).containsExactly(
        v("spec.port", "in body must be of type int32: \"float64\""),
        v("", "Checked value must be of type integer with format int32 in spec.port"));
  }

  @Test
  void int32Overflow() {
    assertThat(zoneAddress("{'address':'a','port':3000000000}")).containsExactly(
        v("", "Checked value must be of type integer with format int32 in spec.port"),
        v("spec.port", "in body should be less than or equal to 65535"));
  }

  @Test
  void stringTooLongAndTooShort() {
    String domain = "a".repeat(254);
    List<Violation> out = SchemaValidation.validate("MeshTrust", json("{'type':'MeshTrust','name':'t','spec':"
        + "{'caBundles':[{'type':'Pem','pem':{'value':'x'}}],'trustDomain':'" + domain + "'}}"));
    assertThat(out).containsExactly(v("spec.trustDomain", "in body should be at most 253 chars long"));
    assertThat(zoneAddress("{'address':'','port':1}"))
        .containsExactly(v("spec.address", "in body should be at least 1 chars long"));
  }

  @Test
  void lengthCountsCodePoints() {
    String domain = "\uD83D\uDE00".repeat(253); // 253 runes, 506 UTF-16 units
    List<Violation> out = SchemaValidation.validate("MeshTrust", json("{'type':'MeshTrust','name':'t','spec':"
        + "{'caBundles':[{'type':'Pem','pem':{'value':'x'}}],'trustDomain':'" + domain + "'}}"));
    assertThat(out).isEmpty();
  }

  @Test
  void patternMismatch() {
    List<Violation> out = SchemaValidation.validate("MeshHealthCheck", json("{'type':'MeshHealthCheck','name':'h',"
        + "'spec':{'targetRef':{'kind':'Mesh'},'to':[{'targetRef':{'kind':'Mesh'},'default':{'http':"
        + "{'requestHeadersToAdd':{'add':[{'name':'Bad Name','value':'v'}]}}}}]}}"));
    assertThat(out).containsExactly(v("spec.to[0].default.http.requestHeadersToAdd.add[0].name",
        "in body should match '^[a-z0-9!#$%&'*+\\-.^_\\x60|~]+$'"));
  }

  @Test
  void patternDollarIsEndOfTextAsInGo() {
    List<Violation> out = SchemaValidation.validate("MeshHealthCheck", json("{'type':'MeshHealthCheck','name':'h',"
        + "'spec':{'targetRef':{'kind':'Mesh'},'to':[{'targetRef':{'kind':'Mesh'},'default':{'http':"
        + "{'requestHeadersToAdd':{'add':[{'name':'x-name\\n','value':'v'}]}}}}]}}"));
    assertThat(out).hasSize(1);
  }

  @Test
  void missingRequiredFields() {
    assertThat(zoneAddress("{}")).containsExactly(
        v("spec.address", "in body is required"), v("spec.port", "in body is required"));
    List<Violation> root = SchemaValidation.validate("MeshZoneAddress", json("{'type':'MeshZoneAddress'}"));
    assertThat(root).containsExactly(v("", ".name in body is required"), v("", ".spec in body is required"));
  }

  @Test
  void defaultedFieldsAreNotMissing() {
    // mesh has a schema default; MeshTCPRoute's backendRefs[].weight defaults to 1
    assertThat(zoneAddress("{'address':'a','port':1}")).isEmpty();
    List<Violation> out = SchemaValidation.validate("MeshTimeout",
        json("{'type':'MeshTimeout','name':'t','mesh':null,'spec':{'targetRef':{'kind':'Mesh'}}}"));
    assertThat(out).isEmpty();
  }

  @Test
  void wrongJsonTypes() {
    // put_mtp_00 of Kuma's API fixtures
    List<Violation> out = SchemaValidation.validate("MeshTrafficPermission", json("{'type':"
        + "'MeshTrafficPermission','name':'sample','spec':{'targetRef':{'kind':'MeshService','name':2},"
        + "'from':[{'targetRef':{'kind':'Mesh'}}]}}"));
    assertThat(out).containsExactly(v("spec.targetRef.name", "in body must be of type string: \"number\""));
    assertThat(zoneAddress("{'address':'a','port':'80'}"))
        .containsExactly(v("spec.port", "in body must be of type integer: \"string\""));
    assertThat(zoneAddress("{'address':'a','port':true}"))
        .containsExactly(v("spec.port", "in body must be of type int32: \"\""));
    assertThat(SchemaValidation.validate("MeshZoneAddress", json("{'type':'MeshZoneAddress','name':'a','spec':'x'}")))
        .containsExactly(v("", "spec in body must be of type object: \"string\""));
    assertThat(SchemaValidation.validate("MeshZoneAddress",
        json("{'type':'MeshZoneAddress','name':'a','labels':{'k':1},'spec':{'address':'a','port':1}}")))
        .containsExactly(v("", "labels.k in body must be of type string: \"number\""));
  }

  @Test
  void nullValues() {
    List<Violation> out = SchemaValidation.validate("MeshTimeout",
        json("{'type':'MeshTimeout','name':'t','spec':{'targetRef':{'kind':null}}}"));
    assertThat(out).containsExactly(
        v("spec.targetRef.kind", "in body must be of type string: \"null\""),
        v("spec.targetRef.kind", "in body should be one of [Mesh MeshSubset MeshGateway MeshService "
            + "MeshExternalService MeshMultiZoneService MeshServiceSubset MeshHTTPRoute Dataplane]"));
  }

  @Test
  void intOrString() {
    String prefix = "{'type':'MeshService','name':'s','spec':{'ports':[{'port':80,'targetPort':";
    assertThat(SchemaValidation.validate("MeshService", json(prefix + "8080}]}}"))).isEmpty();
    assertThat(SchemaValidation.validate("MeshService", json(prefix + "'http'}]}}"))).isEmpty();
    assertThat(SchemaValidation.validate("MeshService", json(prefix + "true}]}}"))).containsExactly(
        v("", "\"spec.ports[0].targetPort\" must validate at least one schema (anyOf)"),
        v("spec.ports[0].targetPort", "in body must be of type integer: \"boolean\""));
    assertThat(SchemaValidation.validate("MeshService", json(prefix + "1.5}]}}"))).containsExactly(
        v("", "\"spec.ports[0].targetPort\" must validate at least one schema (anyOf)"),
        v("spec.ports[0].targetPort", "in body must be of type integer: \"number\""),
        v("", "Checked value must be of type integer (default format) in spec.ports[0].targetPort"));
  }

  @Test
  void integerEnum() {
    String doc = "{'type':'MeshHTTPRoute','name':'r','spec':{'targetRef':{'kind':'Mesh'},'to':[{'targetRef':"
        + "{'kind':'Mesh'},'rules':[{'matches':[{'path':{'type':'PathPrefix','value':'/'}}],'default':{'filters':"
        + "[{'type':'RequestRedirect','requestRedirect':{'statusCode':%s}}]}}]}]}}";
    assertThat(SchemaValidation.validate("MeshHTTPRoute", json(String.format(doc, "301")))).isEmpty();
    assertThat(SchemaValidation.validate("MeshHTTPRoute", json(String.format(doc, "300")))).containsExactly(
        v("spec.to[0].rules[0].default.filters[0].requestRedirect.statusCode",
            "in body should be one of [301 302 303 307 308]"));
  }

  @Test
  void arrayBounds() {
    List<Violation> out = SchemaValidation.validate("MeshTrust",
        json("{'type':'MeshTrust','name':'t','spec':{'caBundles':[],'trustDomain':'d'}}"));
    assertThat(out).containsExactly(v("spec.caBundles", "in body should have at least 1 items"));
    List<Violation> tooMany = SchemaValidation.validate("MeshTrace", json("{'type':'MeshTrace','name':'t',"
        + "'spec':{'default':{'backends':[{'type':'Zipkin','zipkin':{'url':'http://a'}},"
        + "{'type':'Zipkin','zipkin':{'url':'http://b'}}]}}}"));
    assertThat(tooMany).containsExactly(v("spec.default.backends", "in body should have at most 1 items"));
  }

  @Test
  void dateTimeFormat() {
    assertThat(SchemaValidation.validate("MeshZoneAddress", json("{'type':'MeshZoneAddress','name':'a',"
        + "'creationTime':'2024-01-02T03:04:05Z','spec':{'address':'a','port':1}}"))).isEmpty();
    assertThat(SchemaValidation.validate("MeshZoneAddress", json("{'type':'MeshZoneAddress','name':'a',"
        + "'creationTime':'yesterday','spec':{'address':'a','port':1}}")))
        .containsExactly(v("", "creationTime in body must be of type date-time: \"yesterday\""));
  }

  @Test
  void everyViolationIsReported() {
    assertThat(zoneAddress("{'address':'','port':0,'extra':{}}")).containsExactly(
        v("spec.address", "in body should be at least 1 chars long"),
        v("spec.port", "in body should be greater than or equal to 1"));
  }

  @Test
  void oldStyleTypesAreNotSchemaValidated() {
    assertThat(SchemaValidation.validate("Dataplane", json("{'type':'Dataplane','name':5}"))).isEmpty();
    assertThat(SchemaValidation.appliesTo(ResourceTypes.byName("Dataplane").orElseThrow())).isFalse();
  }

  @Test
  void codecRejectsSchemaViolationsBeforeBinding() {
    JsonNode body = json("{'type':'MeshZoneAddress','name':'a','spec':{'address':'a','port':'x'}}");
    assertThatThrownBy(() -> UniversalCodec.decode(ResourceTypes.byName("MeshZoneAddress").orElseThrow(), body))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .containsExactly(v("spec.port", "in body must be of type integer: \"string\"")));
  }

  @Test
  void codecChecksADocumentWithoutTypeAsTheGivenType() {
    JsonNode body = json("{'name':'a','spec':{'address':'a','port':1}}");
    assertThat(UniversalCodec.decode(ResourceTypes.byName("MeshZoneAddress").orElseThrow(), body).meta().name())
        .isEqualTo("a");
    assertThat(body.has("type")).isFalse();
  }
}
