package org.kumaj.model;

/**
 * Kuma's KDS flags: which control plane may write a type and in which direction KDS carries it.
 * Values are Kuma's bit values so that they can be compared with Kuma's descriptors directly.
 */
public final class KdsFlags {
  public static final int NONE = 0;
  public static final int CONSUMED_BY_ZONE = 1;
  public static final int CONSUMED_BY_GLOBAL = 1 << 2;
  public static final int PROVIDED_BY_ZONE = 1 << 3;
  public static final int PROVIDED_BY_GLOBAL = 1 << 4;
  public static final int SYNCED_ACROSS_ZONES = 1 << 5;
  public static final int DISABLED_BY_DEFAULT = 1 << 6;
  /** Written on global and sent to every zone. */
  public static final int GLOBAL_TO_ZONES = PROVIDED_BY_GLOBAL | CONSUMED_BY_ZONE;
  /** Written on a zone and sent to global. */
  public static final int ZONE_TO_GLOBAL = CONSUMED_BY_GLOBAL | PROVIDED_BY_ZONE;

  private KdsFlags() {}

  /** Returns whether {@code flags} contains every bit of {@code flag}. */
  public static boolean has(int flags, int flag) {
    return flag != 0 && (flags & flag) == flag;
  }
}
