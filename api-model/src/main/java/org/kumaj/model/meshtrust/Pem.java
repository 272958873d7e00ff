package org.kumaj.model.meshtrust;

/**
 * A PEM-encoded CA bundle.
 *
 * @param value the PEM text
 */
public record Pem(String value) {}
