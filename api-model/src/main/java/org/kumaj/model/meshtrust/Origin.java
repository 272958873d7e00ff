package org.kumaj.model.meshtrust;

/**
 * The MeshIdentity a MeshTrust was created from.
 *
 * @param kri the MeshIdentity's resource identifier
 */
public record Origin(String kri) {}
