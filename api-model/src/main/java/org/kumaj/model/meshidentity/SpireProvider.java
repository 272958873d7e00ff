package org.kumaj.model.meshidentity;

/**
 * Certificates delivered by SPIRE.
 *
 * @param agent the SPIRE agent connection
 */
public record SpireProvider(SpireAgent agent) {}
