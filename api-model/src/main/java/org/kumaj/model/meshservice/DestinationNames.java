package org.kumaj.model.meshservice;

import java.util.ArrayList;
import java.util.List;
import org.kumaj.model.Kri;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceType;
import org.kumaj.model.hostnamegenerator.Naming;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.Violations;

/**
 * The SNI names of Kuma's destinations (MeshService, MeshExternalService, MeshMultiZoneService)
 * and the deprecation warnings Kuma gives when a destination's name or SNI breaks DNS rules.
 * Stateless.
 */
public final class DestinationNames {
  private static final int DNS_HOSTNAME_LIMIT = 253;

  private DestinationNames() {}

  /**
   * Kuma's {@code sni.FromKRI}: {@code sni.<short>.<mesh>[.<zone>[.<namespace>]].<name>.<section>},
   * e.g. {@code sni.msvc.default.zone-1.redis.6379}. The namespace is kept only with a zone.
   */
  public static String sni(ResourceType type, ResourceMeta meta, String sectionName) {
    return String.join(".", segments(type, meta, sectionName));
  }

  private static List<String> segments(ResourceType type, ResourceMeta meta, String sectionName) {
    Kri kri = kri(type, meta);
    List<String> segments = new ArrayList<>(List.of("sni", type.shortName(), kri.mesh()));
    if (!kri.zone().isEmpty()) {
      segments.add(kri.zone());
      if (!kri.namespace().isEmpty()) {
        segments.add(kri.namespace());
      }
    }
    segments.add(kri.name());
    segments.add(sectionName);
    return segments;
  }

  /** The destination's KRI, with Kuma's display name (the label only when not empty). */
  private static Kri kri(ResourceType type, ResourceMeta meta) {
    Kri kri = Kri.of(type, meta).orElseThrow(
        () -> new IllegalArgumentException(type.name() + " has no short name"));
    return new Kri(kri.shortName(), kri.mesh(), kri.zone(), kri.namespace(),
        Naming.displayName(meta), kri.sectionName());
  }

  /** Kuma's {@code sni.ValidateKRI}: every reason the section's SNI breaks DNS rules. */
  public static List<String> sniErrors(ResourceType type, ResourceMeta meta, String sectionName) {
    Kri kri = kri(type, meta);
    if (kri.mesh().isEmpty() || kri.name().isEmpty() || sectionName.isEmpty()) {
      return List.of("mesh, name and sectionName must be non-empty");
    }
    List<String> errors = new ArrayList<>();
    checkLabel(errors, "mesh", kri.mesh());
    checkLabel(errors, "name", kri.name());
    if (!kri.zone().isEmpty()) {
      checkLabel(errors, "zone", kri.zone());
      if (!kri.namespace().isEmpty()) {
        checkLabel(errors, "namespace", kri.namespace());
      }
    }
    List<String> sectionErrors = Naming.dns1123Label(sectionName);
    if (!sectionErrors.isEmpty()) {
      errors.add(String.join("; ", sectionErrors));
    }
    int length = sni(type, meta, sectionName).length();
    if (length > DNS_HOSTNAME_LIMIT) {
      errors.add("computed SNI is " + length + " characters which exceeds the DNS hostname limit ("
          + DNS_HOSTNAME_LIMIT + ")");
    }
    return errors;
  }

  /**
   * Adds Kuma's deprecation warnings for a destination: a name that is not a DNS-1035 label, and
   * each section whose SNI is invalid.
   */
  public static void warnDeprecated(ResourceType type, ResourceMeta meta, List<String> sectionNames,
      Violations out) {
    String name = Naming.displayName(meta);
    List<String> nameErrors = Naming.dns1035Label(name);
    if (!nameErrors.isEmpty()) {
      out.warn("Invalid " + type.name() + " resource name: '" + name + "'. It does not conform to"
          + " the DNS format (RFC 1035). This is deprecated. Errors: "
          + String.join("; ", nameErrors));
    }
    for (String section : sectionNames) {
      for (String error : sniErrors(type, meta, section)) {
        out.warn("Invalid " + type.name() + " SNI (port " + GoStrings.quote(section) + "): " + error
            + ". This is deprecated.");
      }
    }
  }

  private static void checkLabel(List<String> errors, String field, String value) {
    List<String> messages = Naming.dns1123Label(value);
    if (!messages.isEmpty()) {
      errors.add(field + " " + GoStrings.quote(value) + " does not conform to RFC 1123: "
          + String.join("; ", messages));
    }
  }
}
