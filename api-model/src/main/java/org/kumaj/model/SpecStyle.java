package org.kumaj.model;

/** How a type's spec appears in the Universal format. */
public enum SpecStyle {
  /** Proto-based ("old style") types: spec fields sit next to {@code type}, {@code name}, ... */
  INLINE,
  /** Plugin ("new style") types: the spec sits under {@code spec:} and status under {@code status:}. */
  NESTED
}
