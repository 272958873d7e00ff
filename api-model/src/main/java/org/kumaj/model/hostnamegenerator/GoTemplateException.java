package org.kumaj.model.hostnamegenerator;

/** A Go template failed to parse or execute; the message is the one Go's {@code text/template} gives. */
public final class GoTemplateException extends Exception {
  private static final long serialVersionUID = 1L;

  public GoTemplateException(String message) {
    super(message);
  }
}
