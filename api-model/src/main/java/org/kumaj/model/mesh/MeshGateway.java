package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.system.DataSource;
import org.kumaj.model.system.ProtoJson;

/**
 * A builtin gateway: the listeners that the selected builtin-gateway proxies serve.
 *
 * @param selectors the gateway proxies ({@code kuma.io/service} tags) this gateway configures
 * @param tags tags of the gateway itself, usable by policies
 * @param conf the listeners
 */
public record MeshGateway(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> selectors,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> tags,
    Conf conf) implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshGateway")
      .scope(Scope.MESH)
      .spec(SpecStyle.INLINE, MeshGateway.class)
      .wsPath("meshgateways")
      .kumactl("meshgateway", "meshgateways")
      .shortName("mgw")
      .displayNames("Mesh Gateway", "Mesh Gateways")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL)
      .validator(new MeshGatewayValidator())
      .build();

  /** Kuma's {@code IsCrossMesh}: some listener is cross-mesh. */
  @JsonIgnore
  public boolean isCrossMesh() {
    return conf != null && conf.listeners() != null
        && conf.listeners().stream().anyMatch(l -> Boolean.TRUE.equals(l.crossMesh()));
  }

  /**
   * The listeners of a gateway.
   *
   * @param listeners the listeners
   */
  public record Conf(@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Listener> listeners) {}

  /**
   * One gateway listener.
   *
   * @param hostname host name the listener serves ({@code *} or empty for any)
   * @param port port of the listener
   * @param protocol {@code TCP}, {@code TLS}, {@code HTTP} or {@code HTTPS}
   * @param tls TLS settings
   * @param tags tags of the listener, usable by policies
   * @param crossMesh expose the listener to other meshes
   * @param resources resource limits
   */
  public record Listener(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String hostname,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer port,
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoneIsZero.class) String protocol,
      TlsConf tls,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> tags,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean crossMesh,
      Resources resources) {

    /** Kuma's {@code GetNonEmptyHostname}: the host name, or {@code *}. */
    public String nonEmptyHostname() {
      return hostname == null || hostname.isEmpty() ? "*" : hostname;
    }
  }

  /**
   * TLS settings of a listener.
   *
   * @param mode {@code TERMINATE} or {@code PASSTHROUGH}
   * @param certificates one or two certificates (RSA and/or ECDSA)
   * @param options further TLS options (none yet)
   */
  public record TlsConf(
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoneIsZero.class) String mode,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DataSource> certificates,
      TlsOptions options) {}

  /** Further TLS options of a listener (none yet). */
  public record TlsOptions() {}

  /**
   * Resource limits of a listener.
   *
   * @param connectionLimit maximum number of connections
   */
  public record Resources(
      @JsonAlias("connection_limit") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      Integer connectionLimit) {}

  /** Omits {@code NONE}, the zero value of the listener protocol and TLS mode. */
  static final class NoneIsZero extends ProtoJson.EnumZero {
    NoneIsZero() {
      super("NONE");
    }
  }
}
