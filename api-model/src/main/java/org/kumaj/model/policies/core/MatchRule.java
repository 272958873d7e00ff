package org.kumaj.model.policies.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of a policy's inbound {@code rules} list that can be narrowed by {@code matches}
 * (client SPIFFE ID or SNI).
 *
 * @param matches traffic this rule applies to; all inbound traffic when absent
 * @param defaultConf the policy-specific configuration, Kuma's {@code default}
 * @param <C> the policy's configuration record
 */
public record MatchRule<C>(
    List<Match> matches, @JsonProperty("default") @GoStruct C defaultConf) {
  public MatchRule {
    matches = Copies.list(matches);
  }

  /** {@code rule}, or a rule with neither matches nor configuration when it is null. */
  public static <C> MatchRule<C> orEmpty(MatchRule<C> rule) {
    return rule == null ? new MatchRule<>(null, null) : rule;
  }
}
