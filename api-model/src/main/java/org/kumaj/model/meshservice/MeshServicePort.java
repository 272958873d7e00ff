package org.kumaj.model.meshservice;

import org.kumaj.model.policies.core.IntOrString;

/**
 * A port a MeshService exposes.
 *
 * @param name optional port name, used as the section name of the port's KRI and SNI
 * @param port the service port
 * @param targetPort the proxies' port, as a number or an inbound name
 * @param appProtocol {@code tcp}, {@code http}, {@code http2}, {@code grpc}, ... (Kuma's schema
 *     defaults it to {@code tcp})
 */
public record MeshServicePort(
    String name, Integer port, IntOrString targetPort, String appProtocol) {

  /** Kuma's {@code Port.GetName()}: the name, else the port number. */
  public String sectionName() {
    return name != null ? name : String.valueOf(port == null ? 0 : port);
  }
}
