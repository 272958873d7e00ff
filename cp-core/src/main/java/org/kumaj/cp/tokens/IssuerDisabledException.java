package org.kumaj.cp.tokens;

/** Issuing this kind of token through the control plane is switched off in the configuration. */
public final class IssuerDisabledException extends RuntimeException {
  /** Kuma's text ({@code tokens.IssuerDisabled}). */
  public static final String MESSAGE = "issuing tokens using the control plane is disabled.";

  IssuerDisabledException() {
    super(MESSAGE);
  }
}
