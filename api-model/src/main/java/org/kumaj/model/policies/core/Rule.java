package org.kumaj.model.policies.core;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of a policy's inbound {@code rules} list without matchers: its configuration applies
 * to all inbound traffic.
 *
 * @param defaultConf the policy-specific configuration, Kuma's {@code default}
 * @param <C> the policy's configuration record
 */
public record Rule<C>(@JsonProperty("default") @GoStruct C defaultConf) {

  /** {@code rule}, or a rule without configuration when it is null. */
  public static <C> Rule<C> orEmpty(Rule<C> rule) {
    return rule == null ? new Rule<>(null) : rule;
  }
}
