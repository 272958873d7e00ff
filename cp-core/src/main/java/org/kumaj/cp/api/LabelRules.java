package org.kumaj.cp.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.manager.ComputedLabels;
import org.kumaj.model.Kri;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceType;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Violation;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's label rules for API writes ({@code validateLabels}, {@code validateOriginForWrite},
 * {@code validateImmutableLabels}): allowed origin values, the origin a mode requires, the zone and
 * mesh labels, name length on a federated zone, and labels that cannot change once computed.
 * Immutable.
 */
final class LabelRules {
  private static final List<String> IMMUTABLE = List.of(ComputedLabels.ORIGIN, Kri.ZONE_LABEL, Kri.DISPLAY_NAME_LABEL);

  private final boolean global;
  private final boolean federatedZone;
  private final boolean originValidation;
  private final String zoneName;
  private final ComputedLabels computed;

  LabelRules(KumaConfig config, ComputedLabels computed) {
    this.global = config.isGlobal();
    this.federatedZone = config.isFederatedZone();
    this.originValidation = !config.bool("multizone.zone.disableOriginLabelValidation");
    this.zoneName = config.string("multizone.zone.name");
    this.computed = computed;
  }

  void validate(ResourceType type, ResourceMeta meta, Violations out) {
    String origin = meta.label(ComputedLabels.ORIGIN);
    if (origin != null && !origin.equals("zone") && !origin.equals("global")) {
      out.add(FieldPath.of("labels").key(ComputedLabels.ORIGIN),
          "unknown resource origin \"" + origin + "\", valid values: global, zone");
    }
    originForWrite(type, meta, out);
    if (!global && !"global".equals(origin)) {
      String zone = meta.label(Kri.ZONE_LABEL);
      if (zone != null && !zone.equals(zoneName)) {
        out.add(FieldPath.of("labels").key(Kri.ZONE_LABEL), Kri.ZONE_LABEL + " label should have " + zoneName + " value");
      }
      String mesh = meta.label(ComputedLabels.MESH);
      if (mesh != null && !mesh.equals(meta.mesh())) {
        out.add(FieldPath.of("labels").key(ComputedLabels.MESH),
            ComputedLabels.MESH + " label must not differ from mesh set on resource");
      }
    }
  }

  void originForWrite(ResourceType type, ResourceMeta meta, Violations out) {
    if (!originValidation) {
      return;
    }
    String origin = meta.label(ComputedLabels.ORIGIN);
    FieldPath path = FieldPath.of("labels").key(ComputedLabels.ORIGIN);
    if (global && origin != null && !origin.equals("global")) {
      out.add(path, "the origin label must be set to 'global'");
    }
    if (federatedZone && type.style() == SpecStyle.NESTED && !"zone".equals(origin)) {
      out.add(path, "the origin label must be set to 'zone'");
    }
  }

  void nameFitsGlobal(String name, Violations out) {
    if (federatedZone && (zoneName + "." + name).length() >= 253) {
      out.add("name", "the length of the name must be shorter");
    }
  }

  Map<String, String> computed(Resource r) {
    return computed.compute(r.type(), r.spec(), r.meta().labels(), r.meta().mesh());
  }

  List<Violation> immutable(Map<String, String> before, Map<String, String> after) {
    List<Violation> out = new ArrayList<>();
    for (String label : IMMUTABLE) {
      String was = before.get(label);
      String now = after.get(label);
      String field = FieldPath.of("labels").key(label).toString();
      if (was != null && now == null) {
        out.add(new Violation(field, "is immutable, cannot be removed (was \"" + was + "\")"));
      } else if (was != null && !was.equals(now)) {
        out.add(new Violation(field, "is immutable, cannot be changed from \"" + was + "\" to \"" + now + "\""));
      }
    }
    return out;
  }
}
