package org.kumaj.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewStyleResourceTypesTest {
  private static final int G2Z = KdsFlags.GLOBAL_TO_ZONES;
  private static final int Z2G = KdsFlags.ZONE_TO_GLOBAL;
  private static final int SYNC = KdsFlags.SYNCED_ACROSS_ZONES;

  /** Expected values: Kuma's zz_generated.resource.go and {@code /_resources} of Kuma 2.14.3. */
  @ParameterizedTest
  @CsvSource({
      // name, path, scope, short, singular, plural, status, kds, includeInFederation
      "MeshService, meshservices, Mesh, msvc, Mesh Service, Mesh Services, true, Z2G|SYNC, false",
      "MeshMultiZoneService, meshmultizoneservices, Mesh, mzsvc, Mesh Multi Zone Service,"
          + " Mesh Multi Zone Services, true, G2Z, true",
      "MeshExternalService, meshexternalservices, Mesh, extsvc, Mesh External Service,"
          + " Mesh External Services, true, G2Z|Z2G, true",
      "MeshZoneAddress, meshzoneaddresses, Mesh, mza, Mesh Zone Address, Mesh Zone Addresses,"
          + " false, Z2G|SYNC, false",
      "HostnameGenerator, hostnamegenerators, Global, hg, Hostname Generator, Hostname Generators,"
          + " false, G2Z|Z2G, true",
      "MeshIdentity, meshidentities, Mesh, mid, Mesh Identity, Mesh Identities, true, G2Z|Z2G, true",
      "MeshTrust, meshtrusts, Mesh, mtrust, Mesh Trust, Mesh Trusts, true, G2Z|Z2G, true",
      "MeshOpenTelemetryBackend, meshopentelemetrybackends, Mesh, motb, Mesh OpenTelemetry Backend,"
          + " Mesh OpenTelemetry Backends, true, G2Z|Z2G, true",
      "Workload, workloads, Mesh, wl, Workload, Workloads, true, Z2G, false",
  })
  void describesTypesAsKumaDoes(String name, String path, String scope, String shortName,
      String singular, String plural, boolean hasStatus, String kds, boolean includeInFederation) {
    ResourceType type = NewStyleResourceTypes.ALL.stream()
        .filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    assertThat(type.wsPath()).contains(path);
    assertThat(type.alternativeWsPath()).isEmpty();
    assertThat(type.scope().displayName()).isEqualTo(scope);
    assertThat(type.shortName()).isEqualTo(shortName);
    assertThat(type.singularDisplayName()).isEqualTo(singular);
    assertThat(type.pluralDisplayName()).isEqualTo(plural);
    assertThat(type.hasStatus()).isEqualTo(hasStatus);
    assertThat(type.kdsFlags()).isEqualTo(flags(kds));
    assertThat(type.kumactlArg()).contains(name.toLowerCase(java.util.Locale.ROOT));
    assertThat(type.kumactlListArg()).contains(path);
    assertThat(type.readOnly()).isFalse();
    assertThat(type.adminOnly()).isFalse();
    assertThat(type.isPolicy()).isFalse();
    assertThat(type.style()).isEqualTo(SpecStyle.NESTED);
    // Kuma: includeInFederation = KDSFlags.Has(GlobalToZonesFlag) && !ReadOnly
    assertThat(KdsFlags.has(type.kdsFlags(), G2Z) && !type.readOnly()).isEqualTo(includeInFederation);
  }

  private static int flags(String expr) {
    int flags = 0;
    for (String part : expr.split("\\|")) {
      flags |= switch (part) {
        case "G2Z" -> G2Z;
        case "Z2G" -> Z2G;
        case "SYNC" -> SYNC;
        default -> throw new IllegalArgumentException(part);
      };
    }
    return flags;
  }

  @Test
  void listsNineDistinctTypes() {
    assertThat(NewStyleResourceTypes.ALL).hasSize(9)
        .extracting(ResourceType::name).doesNotHaveDuplicates();
    assertThat(NewStyleResourceTypes.ALL).allSatisfy(t ->
        assertThat(ResourceSpec.class).isAssignableFrom(t.specClass()));
  }
}
