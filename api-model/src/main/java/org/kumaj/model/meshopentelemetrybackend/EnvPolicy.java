package org.kumaj.model.meshopentelemetrybackend;

/**
 * How the standard OTEL exporter environment variables combine with a backend's explicit fields.
 *
 * @param mode {@code Disabled}, {@code Optional} (default) or {@code Required}
 * @param precedence {@code EnvFirst} (default) or {@code ExplicitFirst}
 * @param allowSignalOverrides whether per-signal variables may override the shared ones
 *     (default {@code true})
 */
public record EnvPolicy(String mode, String precedence, Boolean allowSignalOverrides) {
  public static final String MODE_DISABLED = "Disabled";
  public static final String MODE_OPTIONAL = "Optional";
  public static final String MODE_REQUIRED = "Required";
  public static final String PRECEDENCE_EXPLICIT_FIRST = "ExplicitFirst";
  public static final String PRECEDENCE_ENV_FIRST = "EnvFirst";

  /** Kuma's {@code EffectiveMode}: the mode, {@code Optional} when {@code env} or the mode is unset. */
  public static String effectiveMode(EnvPolicy env) {
    return env == null || env.mode == null || env.mode.isEmpty() ? MODE_OPTIONAL : env.mode;
  }

  /** Kuma's {@code EffectivePrecedence}: the precedence, {@code EnvFirst} when unset. */
  public static String effectivePrecedence(EnvPolicy env) {
    return env == null || env.precedence == null || env.precedence.isEmpty()
        ? PRECEDENCE_ENV_FIRST : env.precedence;
  }

  /** Kuma's {@code EffectiveAllowSignalOverrides}: the flag, {@code true} when unset. */
  public static boolean effectiveAllowSignalOverrides(EnvPolicy env) {
    return env == null || env.allowSignalOverrides == null || env.allowSignalOverrides;
  }
}
