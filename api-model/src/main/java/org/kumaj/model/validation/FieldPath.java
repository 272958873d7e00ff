package org.kumaj.model.validation;

/**
 * An immutable path to a field in Kuma's notation: {@code spec.to[0].targetRef.kind} or
 * {@code networking.inbound[0].tags["kuma.io/service"]}. The root path renders as the empty string.
 */
public final class FieldPath {
  private static final FieldPath ROOT = new FieldPath("");
  private final String text;

  private FieldPath(String text) {
    this.text = text;
  }

  /** The empty path (the resource itself). */
  public static FieldPath root() {
    return ROOT;
  }

  /** A path starting at the top-level field {@code name}. */
  public static FieldPath of(String name) {
    return ROOT.field(name);
  }

  /** This path followed by {@code .name}. */
  public FieldPath field(String name) {
    return new FieldPath(text.isEmpty() ? name : text + "." + name);
  }

  /** This path followed by {@code [index]}. */
  public FieldPath index(int index) {
    return new FieldPath(text + "[" + index + "]");
  }

  /** This path followed by {@code ["key"]}, as Kuma writes map keys. */
  public FieldPath key(String key) {
    return new FieldPath(text + "[\"" + key + "\"]");
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
