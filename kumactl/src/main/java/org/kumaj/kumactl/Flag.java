package org.kumaj.kumactl;

/**
 * One command-line flag, described the way Kuma's pflag flags are: a long name, an optional
 * one-letter shorthand, a value kind, the default shown in help and Kuma's usage text.
 *
 * @param name the long name without dashes
 * @param shorthand the one-letter shorthand, or {@code 0}
 * @param kind how the value is parsed and shown
 * @param defaultValue the default in pflag's textual form ({@code ""}, {@code "false"}, {@code "1m0s"}, ...)
 * @param usage the usage text
 * @param deprecated pflag's deprecation message, or {@code null}
 * @param required cobra's {@code MarkFlagRequired}
 */
record Flag(String name, char shorthand, Kind kind, String defaultValue, String usage, String deprecated,
    boolean required) {

  /** pflag value kinds used by kumactl. */
  enum Kind {
    STRING("string"),
    BOOL(""),
    INT("int"),
    DURATION("duration"),
    STRING_TO_STRING("stringToString"),
    STRING_SLICE("strings");

    final String typeName;

    Kind(String typeName) {
      this.typeName = typeName;
    }
  }

  static Flag string(String name, char shorthand, String def, String usage) {
    return new Flag(name, shorthand, Kind.STRING, def, usage, null, false);
  }

  static Flag string(String name, String def, String usage) {
    return string(name, '\0', def, usage);
  }

  static Flag bool(String name, String usage) {
    return new Flag(name, '\0', Kind.BOOL, "false", usage, null, false);
  }

  static Flag integer(String name, String def, String usage) {
    return new Flag(name, '\0', Kind.INT, def, usage, null, false);
  }

  static Flag duration(String name, String def, String usage) {
    return new Flag(name, '\0', Kind.DURATION, def, usage, null, false);
  }

  static Flag map(String name, char shorthand, String usage) {
    return new Flag(name, shorthand, Kind.STRING_TO_STRING, "[]", usage, null, false);
  }

  static Flag list(String name, String def, String usage) {
    return new Flag(name, '\0', Kind.STRING_SLICE, def, usage, null, false);
  }

  Flag asRequired() {
    return new Flag(name, shorthand, kind, defaultValue, usage, deprecated, true);
  }

  Flag asDeprecated(String message) {
    return new Flag(name, shorthand, kind, defaultValue, usage, message, required);
  }

  boolean hasShorthand() {
    return shorthand != '\0';
  }

  /** Whether the default is the zero value pflag leaves out of help. */
  boolean defaultIsZero() {
    return switch (kind) {
      case BOOL -> defaultValue.equals("false");
      case INT -> defaultValue.equals("0");
      case DURATION -> defaultValue.equals("0s") || defaultValue.equals("0");
      case STRING -> defaultValue.isEmpty();
      case STRING_SLICE -> defaultValue.equals("[]");
      // pflag has no zero-value rule for maps, so an empty map default is shown as "[]"
      case STRING_TO_STRING -> false;
    };
  }
}
