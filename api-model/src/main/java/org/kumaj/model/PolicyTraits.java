package org.kumaj.model;

/**
 * What a policy type looks like, as Kuma reports it in {@code /_resources} and {@code /policies}.
 *
 * @param targetRefBased a {@code Mesh*} policy with a top-level {@code targetRef}
 * @param hasToTargetRef the spec has a {@code to[]} list
 * @param hasFromTargetRef the spec has a {@code from[]} list
 * @param hasRulesTargetRef the spec has a {@code rules[]} list
 * @param fromAsRules Kuma folds {@code from[]} into inbound rules for this policy
 * @param inbound the policy configures inbound traffic
 * @param outbound the policy configures outbound traffic
 * @param experimental Kuma marks the policy as experimental
 */
public record PolicyTraits(
    boolean targetRefBased,
    boolean hasToTargetRef,
    boolean hasFromTargetRef,
    boolean hasRulesTargetRef,
    boolean fromAsRules,
    boolean inbound,
    boolean outbound,
    boolean experimental) {

  /** Traits of a legacy (source/destination selector) policy. */
  public static final PolicyTraits LEGACY =
      new PolicyTraits(false, false, false, false, false, false, false, false);
}
