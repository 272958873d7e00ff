package org.kumaj.model.policies.meshloadbalancingstrategy;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_EXTERNAL_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_GATEWAY;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_HTTP_ROUTE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_MULTI_ZONE_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import java.util.List;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.PolicyRules;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.TargetRefRules;
import org.kumaj.model.policies.core.TargetRefValidation;
import org.kumaj.model.policies.meshloadbalancingstrategy.MeshLoadBalancingStrategy.AffinityTag;
import org.kumaj.model.policies.meshloadbalancingstrategy.MeshLoadBalancingStrategy.Conf;
import org.kumaj.model.policies.meshloadbalancingstrategy.MeshLoadBalancingStrategy.CrossZone;
import org.kumaj.model.policies.meshloadbalancingstrategy.MeshLoadBalancingStrategy.Failover;
import org.kumaj.model.policies.meshloadbalancingstrategy.MeshLoadBalancingStrategy.HashPolicy;
import org.kumaj.model.policies.meshloadbalancingstrategy.MeshLoadBalancingStrategy.LoadBalancer;
import org.kumaj.model.policies.meshloadbalancingstrategy.MeshLoadBalancingStrategy.LocalityAwareness;
import org.kumaj.model.policies.meshloadbalancingstrategy.MeshLoadBalancingStrategy.ToZone;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's MeshLoadBalancingStrategy validation
 * ({@code meshloadbalancingstrategy/api/v1alpha1/validator.go}) and deprecation warnings.
 */
final class MeshLoadBalancingStrategyValidator implements SpecValidator<MeshLoadBalancingStrategy> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, MESH_SUBSET, MESH_GATEWAY,
      MESH_SERVICE, MESH_SERVICE_SUBSET, DATAPLANE).withGatewayListenerTags();
  private static final TargetRefRules TO_GATEWAY_LB = TargetRefRules.kinds(MESH)
      .withKindsError("value '" + MESH_GATEWAY + "' is not supported, only " + MESH
          + " is allowed if loadBalancer is set");
  private static final TargetRefRules TO_GATEWAY = TargetRefRules.kinds(MESH, MESH_SERVICE,
      MESH_MULTI_ZONE_SERVICE);
  private static final TargetRefRules TO = TargetRefRules.kinds(MESH, MESH_SERVICE,
      MESH_MULTI_ZONE_SERVICE, MESH_HTTP_ROUTE);
  private static final String ONLY_HASH_POLICIES =
      "field is not allowed when targetRef.kind is MeshHTTPRoute, only hashPolicies is supported";
  private static final String ALREADY_AT_ROOT = "hashPolicies already specified in the root level";

  @Override
  public void validate(ResourceMeta meta, MeshLoadBalancingStrategy spec, Violations out) {
    if (spec.targetRef() != null) {
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(), TOP, out);
    }
    String topKind = TargetRef.orMesh(spec.targetRef()).kindOrEmpty();
    for (int i = 0; i < Copies.size(spec.to()); i++) {
      PolicyItem<Conf> item = PolicyItem.orEmpty(spec.to().get(i));
      Conf conf = item.defaultConf() == null ? Conf.EMPTY : item.defaultConf();
      TargetRef ref = TargetRef.orEmpty(item.targetRef());
      FieldPath path = SPEC.field("to").index(i);
      TargetRefRules rules = topKind.equals(MESH_GATEWAY)
          ? (conf.loadBalancer() != null ? TO_GATEWAY_LB : TO_GATEWAY) : TO;
      TargetRefValidation.validate(path.field("targetRef"), item.targetRef(), rules, out);
      if (MESH_EXTERNAL_SERVICE.equals(ref.kind()) && !topKind.equals(MESH)) {
        out.add(path.field("targetRef").field("kind"), "kind MeshExternalService is only allowed"
            + " with targetRef.kind: Mesh as it is configured on the Zone Egress and shared by all"
            + " clients in the mesh");
      }
      validateConf(path.field("default"), conf, ref, out);
    }
    deprecations(spec, out);
  }

  private static void validateConf(FieldPath path, Conf conf, TargetRef to, Violations out) {
    if (MESH_HTTP_ROUTE.equals(to.kind())) {
      hashPolicies(path.field("hashPolicies"), conf.hashPolicies(), out);
      if (conf.loadBalancer() != null) {
        out.add(path.field("loadBalancer"), ONLY_HASH_POLICIES);
      }
      if (conf.localityAwareness() != null) {
        out.add(path.field("localityAwareness"), ONLY_HASH_POLICIES);
      }
      return;
    }
    loadBalancer(path.field("loadBalancer"), conf.loadBalancer(), out);
    localityAwareness(path.field("localityAwareness"), conf.localityAwareness(), to, out);
    hashPolicies(path.field("hashPolicies"), conf.hashPolicies(), out);
    LoadBalancer lb = conf.loadBalancer();
    if (conf.hashPolicies() != null && lb != null) {
      if (lb.ringHash() != null && lb.ringHash().hashPolicies() != null) {
        out.add(path.field("loadBalancer").field("ringHash").field("hashPolicies"), ALREADY_AT_ROOT);
      }
      if (lb.maglev() != null && lb.maglev().hashPolicies() != null) {
        out.add(path.field("loadBalancer").field("maglev").field("hashPolicies"), ALREADY_AT_ROOT);
      }
    }
  }

  private static void localityAwareness(FieldPath path, LocalityAwareness la, TargetRef to,
      Violations out) {
    if (la == null) {
      return;
    }
    if (la.localZone() != null) {
      List<AffinityTag> tags = Copies.orEmpty(la.localZone().affinityTags());
      FieldPath tagsPath = path.field("localZone").field("affinityTags");
      int weights = 0;
      for (int i = 0; i < tags.size(); i++) {
        AffinityTag tag = tags.get(i) == null ? new AffinityTag(null, null) : tags.get(i);
        if (PolicyChecks.nullToEmpty(tag.key()).isEmpty()) {
          out.add(tagsPath.index(i).field("key"), Messages.MUST_NOT_BE_EMPTY);
        }
        if (tag.weight() != null) {
          PolicyChecks.uintGreaterThanZeroOrNull(tagsPath.index(i).field("weight"), tag.weight(),
              out);
          weights++;
        }
      }
      if (weights > 0 && weights != tags.size()) {
        out.add(tagsPath, "all or none affinity tags should have weight");
      }
    }
    if (la.crossZone() != null) {
      crossZone(path.field("crossZone"), la.crossZone(), to, out);
    }
  }

  private static void crossZone(FieldPath path, CrossZone crossZone, TargetRef to, Violations out) {
    if (MESH_SERVICE.equals(to.kind()) && (!PolicyChecks.nullToEmpty(to.sectionName()).isEmpty()
        || !Copies.orEmpty(to.labels()).isEmpty())) {
      out.add(path, Messages.MUST_NOT_BE_SET + ": MeshService traffic is local");
    }
    for (int i = 0; i < Copies.size(crossZone.failover()); i++) {
      Failover failover = crossZone.failover().get(i) == null
          ? new Failover(null, null) : crossZone.failover().get(i);
      FieldPath p = path.field("failover").index(i);
      if (failover.from() != null) {
        List<String> zones = Copies.orEmpty(failover.from().zones());
        if (zones.isEmpty()) {
          out.add(p.field("from").field("zones"), Messages.MUST_NOT_BE_EMPTY);
        }
        for (int z = 0; z < zones.size(); z++) {
          if (PolicyChecks.nullToEmpty(zones.get(z)).isEmpty()) {
            out.add(p.field("from").field("zones").index(z), Messages.MUST_NOT_BE_EMPTY);
          }
        }
      }
      ToZone toZone = failover.to() == null ? new ToZone(null, null) : failover.to();
      String type = PolicyChecks.nullToEmpty(toZone.type());
      int zones = Copies.size(toZone.zones());
      switch (type) {
        case ToZone.ANY, ToZone.NONE -> {
          if (zones > 0) {
            out.add(p.field("to").field("zones"), "must be empty when type is " + type);
          }
        }
        case ToZone.ANY_EXCEPT, ToZone.ONLY -> {
          if (zones == 0) {
            out.add(p.field("to").field("zones"), "must not be empty when type is " + type);
          }
        }
        default -> out.add(p.field("to").field("type"), "unrecognized type");
      }
    }
    if (crossZone.failoverThreshold() != null) {
      PolicyChecks.percentage(path.field("failoverThreshold").field("percentage"),
          crossZone.failoverThreshold().percentage(), false, out);
    }
  }

  private static void loadBalancer(FieldPath path, LoadBalancer lb, Violations out) {
    if (lb == null) {
      return;
    }
    switch (PolicyChecks.nullToEmpty(lb.type())) {
      case LoadBalancer.RING_HASH -> {
        if (lb.ringHash() != null) {
          hashPolicies(path.field("ringHash").field("hashPolicies"), lb.ringHash().hashPolicies(),
              out);
        }
      }
      case LoadBalancer.MAGLEV -> {
        if (lb.maglev() != null) {
          hashPolicies(path.field("maglev").field("hashPolicies"), lb.maglev().hashPolicies(), out);
        }
      }
      case LoadBalancer.LEAST_REQUEST -> {
        if (lb.leastRequest() != null) {
          PolicyChecks.intOrStringAtLeast(path.field("leastRequest").field("activeRequestBias"),
              lb.leastRequest().activeRequestBias(), 0, out);
        }
      }
      default -> {
        // RoundRobin and Random have no settings
      }
    }
  }

  private static void hashPolicies(FieldPath path, List<HashPolicy> policies, Violations out) {
    for (int i = 0; i < Copies.size(policies); i++) {
      HashPolicy policy = policies.get(i);
      if (policy == null) {
        continue;
      }
      FieldPath p = path.index(i);
      switch (PolicyChecks.nullToEmpty(policy.type())) {
        case HashPolicy.HEADER -> mustBeDefined(p.field("header"), policy.header(), out);
        case HashPolicy.COOKIE -> {
          if (policy.cookie() == null) {
            out.add(p.field("cookie"), Messages.MUST_BE_DEFINED);
          } else if (policy.cookie().path() != null && !policy.cookie().path().startsWith("/")) {
            out.add(p.field("cookie").field("path"), "must be an absolute path");
          }
        }
        case HashPolicy.QUERY_PARAMETER ->
            mustBeDefined(p.field("queryParameter"), policy.queryParameter(), out);
        case HashPolicy.FILTER_STATE -> mustBeDefined(p.field("filterState"), policy.filterState(), out);
        case HashPolicy.CONNECTION, HashPolicy.SOURCE_IP ->
            mustBeDefined(p.field("connection"), policy.connection(), out);
        default -> {
          // unknown types are rejected by Kuma's schema
        }
      }
    }
  }

  private static void mustBeDefined(FieldPath path, Object value, Violations out) {
    if (value == null) {
      out.add(path, Messages.MUST_BE_DEFINED);
    }
  }

  /** Kuma's warnings for hash policies nested in the load balancer and for SourceIP. */
  private static void deprecations(MeshLoadBalancingStrategy spec, Violations out) {
    for (int i = 0; i < Copies.size(spec.to()); i++) {
      Conf conf = PolicyItem.orEmpty(spec.to().get(i)).defaultConf();
      LoadBalancer lb = conf == null ? null : conf.loadBalancer();
      if (lb == null) {
        continue;
      }
      String field;
      List<HashPolicy> nested;
      if (LoadBalancer.RING_HASH.equals(lb.type()) && lb.ringHash() != null) {
        field = "ringHash";
        nested = lb.ringHash().hashPolicies();
      } else if (LoadBalancer.MAGLEV.equals(lb.type()) && lb.maglev() != null) {
        field = "maglev";
        nested = lb.maglev().hashPolicies();
      } else {
        continue;
      }
      if (nested == null) {
        continue;
      }
      out.warn("configuration 'spec.to[" + i + "].default.loadBalancer." + field + ".hashPolicies'"
          + " is deprecated, use 'spec.to[" + i + "].default.hashPolicies' instead");
      for (int j = 0; j < nested.size(); j++) {
        if (nested.get(j) != null && HashPolicy.SOURCE_IP.equals(nested.get(j).type())) {
          out.warn("SourceIP type for 'spec.to[" + i + "].default.loadBalancer." + field
              + ".hashPolicies[" + j + "].type' is deprecated, use Connection instead");
        }
      }
    }
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
  }
}
