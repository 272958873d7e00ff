package org.kumaj.model.legacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.kumaj.model.ResourceType;
import org.kumaj.model.mesh.Selector;
import org.kumaj.model.validation.SpecValidator;

/**
 * Legacy ProxyTemplate: raw xDS resources and modifications of the generated Envoy config for the
 * data plane proxies matched by {@code selectors}. Envoy snippets stay YAML/JSON strings.
 */
public record ProxyTemplate(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> selectors,
    Conf conf) implements DataplanePolicy {

  /** The profiles a ProxyTemplate may import, as Kuma registers them. */
  public static final List<String> PROFILES =
      List.of("default-proxy", "egress-proxy", "gateway-proxy", "ingress-proxy");

  public static final ResourceType TYPE = LegacyDescriptors.describe("ProxyTemplate",
      ProxyTemplate.class, "proxytemplates", "proxytemplate", "proxytemplates",
      "Proxy Template", "Proxy Templates", validator(EnvoyResourceCheck.NONE));

  /** Kuma's ProxyTemplate rules, checking the Envoy snippets with {@code envoyCheck}. */
  public static SpecValidator<ProxyTemplate> validator(EnvoyResourceCheck envoyCheck) {
    return new ProxyTemplateValidator(envoyCheck);
  }

  /**
   * The template.
   *
   * @param imports profiles to start from (see {@link #PROFILES})
   * @param resources raw xDS resources to add
   * @param modifications changes to the generated config, applied in order
   */
  public record Conf(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> imports,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RawResource> resources,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Modification> modifications) {}

  /**
   * A raw xDS resource.
   *
   * @param resource the resource as YAML or JSON, with its {@code @type}
   */
  public record RawResource(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String version,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String resource) {}

  /** One modification; exactly one member is set. */
  public record Modification(
      Change<ClusterMatch> cluster,
      Change<ListenerMatch> listener,
      Change<FilterMatch> networkFilter,
      Change<FilterMatch> httpFilter,
      Change<VirtualHostMatch> virtualHost) {}

  /**
   * An operation on the generated config elements that {@code match} selects.
   *
   * @param operation {@code add}, {@code patch}, {@code remove}; filters also {@code addFirst},
   *     {@code addLast}, {@code addBefore}, {@code addAfter}
   * @param value the Envoy element (or patch) as YAML or JSON
   * @param <M> the kind of match
   */
  public record Change<M>(
      M match,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String operation,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String value) {}

  /**
   * Selects clusters.
   *
   * @param origin the generator of the element: inbound, outbound, prometheus, transparent, ingress
   */
  public record ClusterMatch(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String origin,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name) {}

  /** Selects listeners by origin, name and {@code io.kuma.tags} metadata. */
  public record ListenerMatch(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String origin,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> tags) {}

  /** Selects network or HTTP filters by origin, filter name and their listener. */
  public record FilterMatch(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String origin,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String listenerName,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> listenerTags) {}

  /** Selects virtual hosts by origin, name and route configuration. */
  public record VirtualHostMatch(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String origin,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String routeConfigurationName) {}
}
