package org.kumaj.model.policies.core;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of a policy's {@code to} or {@code from} list: the destinations (or clients) it selects
 * and the configuration that applies to them.
 *
 * @param targetRef the destinations or clients this entry selects
 * @param defaultConf the policy-specific configuration, Kuma's {@code default}
 * @param <C> the policy's configuration record
 */
public record PolicyItem<C>(
    TargetRef targetRef, @JsonProperty("default") @GoStruct C defaultConf) {

  /** {@code item}, or an entry with neither targetRef nor configuration when it is null. */
  public static <C> PolicyItem<C> orEmpty(PolicyItem<C> item) {
    return item == null ? new PolicyItem<>(null, null) : item;
  }
}
