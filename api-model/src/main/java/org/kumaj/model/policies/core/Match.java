package org.kumaj.model.policies.core;

/**
 * Selects inbound traffic by the client's identity or the SNI of the connection.
 *
 * @param spiffeID match on the client's SPIFFE ID
 * @param sni match on the SNI carried by the TLS connection
 */
public record Match(ValueMatch spiffeID, ValueMatch sni) {}
