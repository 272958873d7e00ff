package org.kumaj.model.meshtrust;

/**
 * One trusted CA bundle.
 *
 * @param type the bundle format; only {@code Pem}
 * @param pem the PEM bundle, for type {@code Pem}
 */
public record CaBundle(String type, Pem pem) {
  public static final String PEM = "Pem";
}
