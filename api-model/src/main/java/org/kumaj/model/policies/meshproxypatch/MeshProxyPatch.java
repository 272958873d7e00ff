package org.kumaj.model.policies.meshproxypatch;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.GoStruct;
import org.kumaj.model.policies.core.JsonPatchBlock;
import org.kumaj.model.policies.core.TargetRef;

/**
 * MeshProxyPatch: direct modifications of the Envoy configuration Kuma generates (add, remove
 * or patch clusters, listeners, filters and virtual hosts).
 *
 * @param targetRef the proxies the patch applies to (the whole mesh when absent)
 * @param defaultConf the modifications, Kuma's {@code default}
 */
public record MeshProxyPatch(
    TargetRef targetRef, @JsonProperty("default") @GoStruct MeshProxyPatch.Conf defaultConf)
    implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshProxyPatch")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshProxyPatch.class)
      .wsPath("meshproxypatches")
      .kumactl("meshproxypatch", "meshproxypatches")
      .shortName("mpp")
      .displayNames("Mesh Proxy Patch", "Mesh Proxy Patches")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .policy(new PolicyTraits(true, false, false, false, false, false, false, false))
      .validator(new MeshProxyPatchValidator())
      .build();

  /** Operations of clusters, listeners and virtual hosts. */
  public static final String ADD = "Add";
  public static final String REMOVE = "Remove";
  public static final String PATCH = "Patch";
  /** Additional operations of network and HTTP filters. */
  public static final String ADD_FIRST = "AddFirst";
  public static final String ADD_LAST = "AddLast";
  public static final String ADD_BEFORE = "AddBefore";
  public static final String ADD_AFTER = "AddAfter";

  /**
   * The modifications.
   *
   * @param appendModifications modifications applied in order after Kuma's own
   */
  public record Conf(List<Modification> appendModifications) {
    public Conf {
      appendModifications = Copies.list(appendModifications);
    }
  }

  /**
   * One modification; exactly one field is set.
   *
   * @param cluster a cluster modification
   * @param listener a listener modification
   * @param networkFilter a network filter modification
   * @param httpFilter an HTTP filter modification
   * @param virtualHost a virtual host modification
   */
  public record Modification(
      Mod<ClusterMatch> cluster,
      Mod<ListenerMatch> listener,
      Mod<FilterMatch> networkFilter,
      Mod<FilterMatch> httpFilter,
      Mod<VirtualHostMatch> virtualHost) {}

  /**
   * A modification of one kind of Envoy resource.
   *
   * @param match which existing resources are modified
   * @param operation {@code Add}, {@code Remove}, {@code Patch} (filters also {@code AddFirst},
   *     {@code AddLast}, {@code AddBefore}, {@code AddAfter})
   * @param value the Envoy resource (YAML or JSON) to add, or the patch to merge
   * @param jsonPatches JSON patches applied instead of a merge {@code value}
   * @param <M> the match of this kind of resource
   */
  public record Mod<M>(M match, String operation, String value, List<JsonPatchBlock> jsonPatches) {
    public Mod {
      jsonPatches = Copies.list(jsonPatches);
    }
  }

  /**
   * Selects clusters.
   *
   * @param origin the origin Kuma gave the cluster ({@code inbound}, {@code outbound}, ...)
   * @param name the cluster name
   */
  public record ClusterMatch(String origin, String name) {}

  /**
   * Selects listeners.
   *
   * @param origin the origin Kuma gave the listener
   * @param name the listener name
   * @param tags tags of the listener's inbound or outbound
   */
  public record ListenerMatch(String origin, String name, Map<String, String> tags) {
    public ListenerMatch {
      tags = Copies.map(tags);
    }
  }

  /**
   * Selects network or HTTP filters.
   *
   * @param origin the origin Kuma gave the listener
   * @param name the filter name
   * @param listenerName the listener name
   * @param listenerTags tags of the listener's inbound or outbound
   */
  public record FilterMatch(
      String origin, String name, String listenerName, Map<String, String> listenerTags) {
    public FilterMatch {
      listenerTags = Copies.map(listenerTags);
    }
  }

  /**
   * Selects virtual hosts.
   *
   * @param origin the origin Kuma gave the route configuration
   * @param name the virtual host name
   * @param routeConfigurationName the route configuration name
   */
  public record VirtualHostMatch(String origin, String name, String routeConfigurationName) {}
}
