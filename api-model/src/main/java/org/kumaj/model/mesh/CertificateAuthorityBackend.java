package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.kumaj.model.ProtoDuration;
import org.kumaj.model.system.DataSource;
import org.kumaj.model.system.ProtoJson;

/**
 * A certificate authority backend of a mesh's mTLS.
 *
 * @param name backend name
 * @param type CA plugin: {@code builtin} or {@code provided}
 * @param dpCert settings of the certificates issued to data plane proxies
 * @param conf plugin configuration, see {@link BuiltinConfig} and {@link ProvidedConfig}
 * @param mode {@code STRICT} (default, TLS only) or {@code PERMISSIVE} (inbounds also accept
 *     plaintext)
 * @param rootChain settings of the CA root chain
 */
public record CertificateAuthorityBackend(
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) String type,
    DpCert dpCert,
    @ProtoJson.Struct JsonNode conf,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = StrictIsZero.class) String mode,
    RootChain rootChain) {
  public static final String BUILTIN = "builtin";
  public static final String PROVIDED = "provided";

  /**
   * The conf of a {@code builtin} backend.
   *
   * @throws IllegalArgumentException when the conf does not fit
   */
  public BuiltinConfig builtinConfig() {
    return ProtoConf.read(conf, BuiltinConfig.class);
  }

  /**
   * The conf of a {@code provided} backend.
   *
   * @throws IllegalArgumentException when the conf does not fit
   */
  public ProvidedConfig providedConfig() {
    return ProtoConf.read(conf, ProvidedConfig.class);
  }

  /**
   * Settings of the certificates issued to data plane proxies.
   *
   * @param rotation rotation settings
   * @param requestTimeout timeout of a certificate request to the CA
   */
  public record DpCert(Rotation rotation, @ProtoJson.Duration ProtoDuration requestTimeout) {}

  /**
   * Rotation of data plane proxy certificates.
   *
   * @param expiration validity of a certificate, e.g. {@code 1d} (units y, w, d, h, m, s, ms)
   */
  public record Rotation(@JsonInclude(JsonInclude.Include.NON_DEFAULT) String expiration) {}

  /**
   * Settings of the CA root chain.
   *
   * @param requestTimeout timeout of a root-chain request to the CA (default 10s)
   */
  public record RootChain(@ProtoJson.Duration ProtoDuration requestTimeout) {}

  /**
   * The conf of a {@code builtin} CA (Kuma's {@code BuiltinCertificateAuthorityConfig}).
   *
   * @param caCert settings of the generated CA certificate
   */
  public record BuiltinConfig(CaCert caCert) {}

  /**
   * Settings of a generated CA certificate.
   *
   * @param rsaBits RSA key size
   * @param expiration validity of the CA certificate, e.g. {@code 10y}
   */
  public record CaCert(
      @JsonProperty("RSAbits") Integer rsaBits,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String expiration) {}

  /**
   * The conf of a {@code provided} CA (Kuma's {@code ProvidedCertificateAuthorityConfig}).
   *
   * @param cert the CA certificate
   * @param key the CA private key
   */
  public record ProvidedConfig(DataSource cert, DataSource key) {}

  /** Omits {@code mode: STRICT}, the zero value. */
  static final class StrictIsZero extends ProtoJson.EnumZero {
    StrictIsZero() {
      super("STRICT");
    }
  }
}
