package org.kumaj.model.meshexternalservice;

/**
 * One destination of a MeshExternalService.
 *
 * @param address a domain or IP address
 * @param port the destination port
 * @param priority Envoy priority for failover; lower is preferred, 0 is the primary
 */
public record MeshExternalServiceEndpoint(String address, Integer port, Integer priority) {}
