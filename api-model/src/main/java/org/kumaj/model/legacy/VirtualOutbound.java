package org.kumaj.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.kumaj.model.ResourceType;
import org.kumaj.model.mesh.Selector;

/**
 * Legacy VirtualOutbound: generates extra hostname and port combinations for the outbounds of the
 * data plane proxies matched by {@code selectors}.
 */
public record VirtualOutbound(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> selectors,
    Conf conf) implements DataplanePolicy {

  public static final ResourceType TYPE = LegacyDescriptors.builder("VirtualOutbound",
      VirtualOutbound.class, "virtual-outbounds", "virtual-outbound", "virtual-outbounds",
      "Virtual Outbound", "Virtual Outbounds", new VirtualOutboundValidator()).notInspectable().build();

  /**
   * Go templates for the hostname and port, fed by {@code parameters}.
   *
   * @param host Go template producing a DNS name, e.g. {@code {{.service}}.mesh}
   * @param port Go template producing a port number, e.g. {@code {{.port}}}
   * @param parameters must include one whose tag key is {@code kuma.io/service}
   */
  public record Conf(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String host,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String port,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TemplateParameter> parameters) {}

  /**
   * Binds template parameter {@code name} (alphanumeric) to the outbound tag {@code tagKey}
   * (defaults to {@code name}).
   */
  public record TemplateParameter(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @JsonAlias("tag_key") @JsonInclude(JsonInclude.Include.NON_DEFAULT) String tagKey) {}
}
