package org.kumaj.model.meshidentity;

/**
 * Self-signed CA generation by the control plane.
 *
 * @param enabled whether the CA is generated
 */
public record Autogenerate(Boolean enabled) {}
