package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.system.ProtoJson;

/**
 * What the control plane knows about a zone ingress's connections; written by the control plane only.
 *
 * @param subscriptions xDS connections of the ingress, oldest first
 * @param metadata metadata the ingress reported
 */
public record ZoneIngressInsight(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DiscoverySubscription> subscriptions,
    @ProtoJson.Struct JsonNode metadata) implements ResourceSpec, SubscriptionInsight {

  public static final ResourceType TYPE = ResourceType.builder("ZoneIngressInsight")
      .scope(Scope.GLOBAL)
      .spec(SpecStyle.INLINE, ZoneIngressInsight.class)
      .wsPath("zone-ingress-insights")
      .displayNames("Zone Ingress Insight", "Zone Ingress Insights")
      .kdsFlags(KdsFlags.ZONE_TO_GLOBAL)
      .readOnly()
      .ownedBy("ZoneIngress")
      .build();
}
