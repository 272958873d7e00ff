package org.kumaj.model.policies.core;

import java.util.List;

/**
 * What a {@code targetRef} at one position of one policy may be (Kuma's
 * {@code ValidateTargetRefOpts}). Immutable; build with {@link #kinds} and the {@code with}
 * methods.
 *
 * @param supportedKinds the kinds allowed at this position
 * @param supportedKindsError replaces Kuma's default "value 'X' is not supported" message
 * @param gatewayListenerTagsAllowed a MeshGateway reference may carry listener tags
 * @param allowedInvalidNames names accepted despite failing the name character check
 * @param inboundPolicy the policy configures inbound traffic (allows Dataplane sectionName)
 */
public record TargetRefRules(
    List<String> supportedKinds,
    String supportedKindsError,
    boolean gatewayListenerTagsAllowed,
    List<String> allowedInvalidNames,
    boolean inboundPolicy) {

  public TargetRefRules {
    supportedKinds = List.copyOf(supportedKinds);
    allowedInvalidNames = List.copyOf(allowedInvalidNames);
  }

  /** Rules allowing exactly {@code kinds}, with every option off. */
  public static TargetRefRules kinds(String... kinds) {
    return new TargetRefRules(List.of(kinds), null, false, List.of(), false);
  }

  /** These rules with a MeshGateway allowed to carry listener tags. */
  public TargetRefRules withGatewayListenerTags() {
    return new TargetRefRules(supportedKinds, supportedKindsError, true, allowedInvalidNames,
        inboundPolicy);
  }

  /** These rules for an inbound ({@code true}) or outbound policy. */
  public TargetRefRules withInbound(boolean inbound) {
    return new TargetRefRules(supportedKinds, supportedKindsError, gatewayListenerTagsAllowed,
        allowedInvalidNames, inbound);
  }

  /** These rules with {@code message} reported for an unsupported kind. */
  public TargetRefRules withKindsError(String message) {
    return new TargetRefRules(supportedKinds, message, gatewayListenerTagsAllowed,
        allowedInvalidNames, inboundPolicy);
  }

  /** These rules accepting {@code names} even though they fail the name check. */
  public TargetRefRules withAllowedInvalidNames(String... names) {
    return new TargetRefRules(supportedKinds, supportedKindsError, gatewayListenerTagsAllowed,
        List.of(names), inboundPolicy);
  }
}
