package org.kumaj.cp.tokens;

import java.util.List;

/**
 * What a zone token binds (Kuma's {@code zone.Identity}). Immutable.
 *
 * @param zone the zone, or empty for any zone
 * @param scope what the token may authenticate: {@code ingress}, {@code egress}
 */
public record ZoneIdentity(String zone, List<String> scope) {
  /** Zone ingress proxies. */
  public static final String INGRESS_SCOPE = "ingress";
  /** Zone egress proxies. */
  public static final String EGRESS_SCOPE = "egress";

  public ZoneIdentity {
    zone = zone == null ? "" : zone;
    scope = scope == null ? List.of() : List.copyOf(scope);
  }
}
