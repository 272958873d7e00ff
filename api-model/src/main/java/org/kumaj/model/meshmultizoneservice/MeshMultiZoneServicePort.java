package org.kumaj.model.meshmultizoneservice;

/**
 * A port of a MeshMultiZoneService.
 *
 * @param name optional name, used as the section name of the port's KRI and SNI
 * @param port the port
 * @param appProtocol {@code tcp} (Kuma's schema default), {@code http}, {@code http2},
 *     {@code grpc} or {@code kafka}
 */
public record MeshMultiZoneServicePort(String name, Integer port, String appProtocol) {

  /** Kuma's {@code Port.GetName()}: the name, else the port number. */
  public String sectionName() {
    return name != null ? name : String.valueOf(port == null ? 0 : port);
  }
}
