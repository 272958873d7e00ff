package org.kumaj.model.policies.meshpassthrough;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.GoStruct;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.UInt32;

/**
 * MeshPassthrough: which traffic to destinations outside the mesh may leave a proxy directly
 * (all, none, or matched by domain, IP or CIDR).
 *
 * @param targetRef the proxies the policy applies to (the whole mesh when absent)
 * @param defaultConf the passthrough configuration, Kuma's {@code default}
 */
public record MeshPassthrough(
    TargetRef targetRef, @JsonProperty("default") @GoStruct MeshPassthrough.Conf defaultConf)
    implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshPassthrough")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshPassthrough.class)
      .wsPath("meshpassthroughs")
      .kumactl("meshpassthrough", "meshpassthroughs")
      .shortName("mp")
      .displayNames("Mesh Passthrough", "Mesh Passthroughs")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .policy(new PolicyTraits(true, false, false, false, false, false, false, false))
      .validator(new MeshPassthroughValidator())
      .specDefaults("{\"default\":{\"appendMatch\":[{\"protocol\":\"tcp\"}]}}")
      .build();

  /**
   * The passthrough configuration.
   *
   * @param passthroughMode {@code All}, {@code Matched} or {@code None}
   * @param appendMatch destinations allowed when the mode is {@code Matched}
   */
  public record Conf(String passthroughMode, List<Match> appendMatch) {
    public Conf {
      appendMatch = Copies.list(appendMatch);
    }
  }

  /**
   * An allowed destination.
   *
   * @param type {@code Domain}, {@code IP} or {@code CIDR}
   * @param value the domain (wildcards allowed as {@code *.example.com}), IP or CIDR
   * @param port the port (all ports when absent)
   * @param protocol {@code tcp}, {@code tls}, {@code grpc}, {@code http}, {@code http2} or
   *     {@code mysql}
   */
  public record Match(String type, String value, @UInt32 Integer port, String protocol) {}
}
