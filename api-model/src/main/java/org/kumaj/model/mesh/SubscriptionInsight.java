package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** An insight that records the xDS subscriptions of a proxy (data plane proxy, zone ingress or egress). */
public interface SubscriptionInsight {
  /** The subscriptions, oldest first; {@code null} when none were recorded. */
  List<DiscoverySubscription> subscriptions();

  /** Kuma's {@code IsOnline}: some subscription is connected and not yet disconnected. */
  @JsonIgnore
  default boolean isOnline() {
    return subscriptions() != null && subscriptions().stream().anyMatch(DiscoverySubscription::isConnected);
  }

  /** The most recent subscription, or {@code null}. */
  default DiscoverySubscription lastSubscription() {
    List<DiscoverySubscription> subs = subscriptions();
    return subs == null || subs.isEmpty() ? null : subs.get(subs.size() - 1);
  }
}
