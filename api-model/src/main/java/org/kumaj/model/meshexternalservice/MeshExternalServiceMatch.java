package org.kumaj.model.meshexternalservice;

/**
 * The traffic a MeshExternalService takes.
 *
 * @param type only {@code HostnameGenerator} (Kuma's schema default)
 * @param port the port clients call
 * @param protocol {@code tcp} (Kuma's schema default), {@code grpc}, {@code http} or {@code http2}
 */
public record MeshExternalServiceMatch(String type, Integer port, String protocol) {
  public static final String HOSTNAME_GENERATOR = "HostnameGenerator";

  /** Kuma's {@code Match.GetName()}: the port number, the section name of the KRI and SNI. */
  public String sectionName() {
    return String.valueOf(port == null ? 0 : port);
  }
}
