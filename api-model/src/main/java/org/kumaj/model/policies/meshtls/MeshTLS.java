package org.kumaj.model.policies.meshtls;

import java.util.List;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.Rule;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.TlsVersion;

/**
 * MeshTLS: the mTLS mode (strict or permissive), TLS versions and ciphers of inbound traffic.
 *
 * @param targetRef the proxies the policy applies to (the whole mesh when absent)
 * @param from settings per client group (deprecated in favour of {@code rules})
 * @param rules inbound settings
 */
public record MeshTLS(
    TargetRef targetRef,
    List<PolicyItem<MeshTLS.Conf>> from,
    List<Rule<MeshTLS.Conf>> rules) implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshTLS")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshTLS.class)
      .wsPath("meshtlses")
      .kumactl("meshtls", "meshtlses")
      .shortName("mtls")
      .displayNames("Mesh TLS", "Mesh TLSes")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .policy(new PolicyTraits(true, false, true, true, true, true, false, false))
      .validator(new MeshTLSValidator())
      .specDefaults("{\"from\":[{\"default\":{\"tlsVersion\":{\"max\":\"TLSAuto\",\"min\":\"TLSAuto\"}}}],\"rules\":[{\"default\":{\"tlsVersion\":{\"max\":\"TLSAuto\",\"min\":\"TLSAuto\"}}}]}")
      .build();

  /** The ciphers Kuma accepts in {@code tlsCiphers}. */
  public static final List<String> CIPHERS = List.of("ECDHE-ECDSA-AES128-GCM-SHA256",
      "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-ECDSA-CHACHA20-POLY1305",
      "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-CHACHA20-POLY1305");

  public MeshTLS {
    from = Copies.list(from);
    rules = Copies.list(rules);
  }

  /**
   * TLS settings.
   *
   * @param tlsVersion accepted TLS versions (top-level Mesh target only)
   * @param tlsCiphers accepted ciphers (top-level Mesh target only)
   * @param mode {@code Strict} (mTLS only) or {@code Permissive} (plaintext accepted too)
   */
  public record Conf(TlsVersion tlsVersion, List<String> tlsCiphers, String mode) {
    public Conf {
      tlsCiphers = Copies.list(tlsCiphers);
    }
  }
}
