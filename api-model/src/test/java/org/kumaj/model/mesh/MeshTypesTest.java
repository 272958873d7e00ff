package org.kumaj.model.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceType;
import org.kumaj.model.codec.Json;
import org.kumaj.model.system.SystemTypes;
import org.kumaj.testing.KumaFixtures;

/** Checks our descriptors against what Kuma 2.14.3 reports in {@code /_resources}. */
class MeshTypesTest {
  static Stream<ResourceType> typesWithApi() {
    return Stream.concat(MeshTypes.ALL.stream(), SystemTypes.ALL.stream()).filter(t -> t.wsPath().isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typesWithApi")
  void descriptorMatchesKumasResourcesEndpoint(ResourceType type) throws Exception {
    Path golden = KumaFixtures.conformance().resolve("api-server/base_endpoints/_resources.golden.json");
    JsonNode kuma = null;
    for (JsonNode entry : Json.mapper().readTree(Files.readString(golden)).get("resources")) {
      if (entry.get("name").asText().equals(type.name())) {
        kuma = entry;
      }
    }
    assertThat(kuma).as("Kuma lists %s", type.name()).isNotNull();
    assertThat(type.wsPath()).contains(kuma.get("path").asText());
    assertThat(type.scope().displayName()).isEqualTo(kuma.get("scope").asText());
    assertThat(type.shortName()).isEqualTo(kuma.get("shortName").asText());
    assertThat(type.singularDisplayName()).isEqualTo(kuma.get("singularDisplayName").asText());
    assertThat(type.pluralDisplayName()).isEqualTo(kuma.get("pluralDisplayName").asText());
    assertThat(type.readOnly()).isEqualTo(kuma.get("readOnly").asBoolean());
    // Kuma's mapper: KDSFlags.Has(GlobalToZonesFlag) && !ReadOnly (checks our KDS flags).
    assertThat(KdsFlags.has(type.kdsFlags(), KdsFlags.GLOBAL_TO_ZONES) && !type.readOnly())
        .isEqualTo(kuma.get("includeInFederation").asBoolean());
    assertThat(type.isPolicy()).isEqualTo(kuma.has("policy"));
  }

  @Test
  void ownersInsightsAndKdsFlagsFollowKuma() {
    assertThat(Dataplane.TYPE.insightTypeName()).contains("DataplaneInsight");
    assertThat(DataplaneInsight.TYPE.ownerTypeName()).contains("Dataplane");
    assertThat(ZoneIngress.TYPE.insightTypeName()).contains("ZoneIngressInsight");
    assertThat(ZoneIngressInsight.TYPE.ownerTypeName()).contains("ZoneIngress");
    assertThat(ZoneEgress.TYPE.insightTypeName()).contains("ZoneEgressInsight");
    assertThat(ZoneEgressInsight.TYPE.ownerTypeName()).contains("ZoneEgress");
    assertThat(ZoneIngress.TYPE.alternativeWsPath()).contains("zone-ingresses");
    assertThat(MeshGateway.TYPE.kdsFlags()).isEqualTo(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL);
    assertThat(Mesh.TYPE.kumactlArg()).contains("mesh");
    assertThat(Mesh.TYPE.kumactlListArg()).contains("meshes");
    assertThat(DataplaneInsight.TYPE.kumactlArg()).isEmpty();
    assertThat(MeshTypes.ALL).extracting(ResourceType::name).containsExactly("Mesh", "Dataplane",
        "DataplaneInsight", "ExternalService", "MeshGateway", "MeshGatewayRoute", "ZoneIngress",
        "ZoneIngressInsight", "ZoneEgress", "ZoneEgressInsight", "MeshInsight", "ServiceInsight");
    assertThat(MeshTypes.ALL).allMatch(t -> t.specClass().getPackageName().equals("org.kumaj.model.mesh"));
    assertThat(List.of(new Dataplane(null, null, null).proxyType(),
        new Dataplane(new Dataplane.Networking(null, null, new Dataplane.Gateway(null, "BUILTIN"),
            null, null, null, null, null), null, null).proxyType(),
        new ZoneIngress(null, null, null).proxyType(), new ZoneEgress(null, null).proxyType()))
        .containsExactly("sidecar", "gateway", "zoneingress", "zoneegress");
  }
}
