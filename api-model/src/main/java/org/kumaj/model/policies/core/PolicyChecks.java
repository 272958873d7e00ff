package org.kumaj.model.policies.core;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kumaj.model.GoDuration;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.Violations;

/**
 * Field checks shared by Kuma's targetRef policies (from Kuma's {@code pkg/core/validators} and
 * {@code pkg/core/resources/apis/mesh}), each adding Kuma's message at the given path. Stateless.
 */
public final class PolicyChecks {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final Pattern OTEL_ATTRIBUTE_NAME =
      Pattern.compile("^[a-z](?:[a-z0-9]|[._][a-z0-9])*$");
  private static final List<String> TLS_VERSIONS =
      List.of("TLSAuto", "TLS10", "TLS11", "TLS12", "TLS13");
  private static final List<String> JSON_PATCH_OPS =
      List.of("add", "remove", "replace", "move", "copy");

  private PolicyChecks() {}

  /** Kuma's {@code ValidateMatch}: a valid SPIFFE ID and a well-formed SNI matcher. */
  public static void match(FieldPath path, Match match, Violations out) {
    if (match == null) {
      return;
    }
    if (match.spiffeID() != null) {
      String error = SpiffeIds.error(nullToEmpty(match.spiffeID().value()));
      if (error != null) {
        out.add(path.field("spiffeID"), "must be a valid Spiffe ID: " + error);
      }
    }
    if (match.sni() != null) {
      String type = nullToEmpty(match.sni().type());
      if (type.isEmpty()) {
        out.add(path.field("sni").field("type"), Messages.MUST_BE_SET);
      } else if (!type.equals(ValueMatch.EXACT)) {
        out.add(path.field("sni").field("type"),
            "unrecognized type " + GoStrings.quote(type) + ", supported values are: Exact");
      }
      String value = nullToEmpty(match.sni().value());
      if (value.isEmpty()) {
        out.add(path.field("sni").field("value"), Messages.MUST_BE_SET);
      } else {
        for (String error : K8sNames.dns1123SubdomainErrors(value)) {
          out.add(path.field("sni").field("value"), error);
        }
      }
    }
  }

  /**
   * The stricter matcher check of MeshTimeout and MeshRateLimit rules: every match needs a
   * SPIFFE ID or SNI matcher, and a SPIFFE ID matcher needs a known type.
   *
   * @return whether any match uses a SPIFFE ID
   */
  public static boolean ruleMatches(FieldPath matchesPath, List<Match> matches, Violations out) {
    boolean hasSpiffeId = false;
    for (int i = 0; i < Copies.size(matches); i++) {
      Match match = matches.get(i) == null ? new Match(null, null) : matches.get(i);
      FieldPath matchPath = matchesPath.index(i);
      match(matchPath, match, out);
      if (match.spiffeID() == null && match.sni() == null) {
        out.add(matchPath, "must specify at least one of 'spiffeID' or 'sni'");
        continue;
      }
      if (match.spiffeID() != null) {
        hasSpiffeId = true;
        String type = nullToEmpty(match.spiffeID().type());
        FieldPath typePath = matchPath.field("spiffeID").field("type");
        if (type.isEmpty()) {
          out.add(typePath, Messages.MUST_BE_SET);
        } else if (!type.equals(ValueMatch.EXACT) && !type.equals(ValueMatch.PREFIX)) {
          out.add(typePath, "unrecognized type " + GoStrings.quote(type)
              + ", supported values are: Exact, Prefix");
        }
      }
    }
    return hasSpiffeId;
  }

  /** Each match of {@code matches} at {@code path[i]} passes {@link #match}. */
  public static void matches(FieldPath path, List<Match> matches, Violations out) {
    for (int i = 0; i < Copies.size(matches); i++) {
      match(path.index(i), matches.get(i), out);
    }
  }

  /** Kuma's {@code ValidatePercentage}; a null value is Go's zero value (0). */
  public static void percentage(FieldPath path, IntOrString value, boolean allowZero,
      Violations out) {
    Optional<BigDecimal> dec = (value == null ? IntOrString.of(0) : value).toDecimal();
    if (dec.isEmpty()) {
      out.add(path, Messages.STRING_HAS_TO_BE_VALID_NUMBER);
    } else if (dec.get().signum() < 0 || dec.get().compareTo(HUNDRED) > 0) {
      out.add(path, Messages.HAS_TO_BE_IN_PERCENTAGE_RANGE);
    } else if (!allowZero && dec.get().signum() == 0) {
      out.add(path, Messages.HAS_TO_BE_GREATER_THAN_ZERO);
    }
  }

  /** Kuma's {@code ValidatePercentageOrNil}. */
  public static void percentageOrNull(FieldPath path, IntOrString value, Violations out) {
    if (value == null) {
      return;
    }
    Optional<BigDecimal> dec = value.toDecimal();
    if (dec.isEmpty()) {
      out.add(path, Messages.STRING_HAS_TO_BE_VALID_NUMBER);
    } else if (dec.get().signum() < 0 || dec.get().compareTo(HUNDRED) > 0) {
      out.add(path, Messages.HAS_TO_BE_IN_PERCENTAGE_RANGE);
    }
  }

  /** Kuma's {@code ValidateIntOrStringGreaterOrEqualThan}. */
  public static void intOrStringAtLeast(FieldPath path, IntOrString value, int min,
      Violations out) {
    if (value == null) {
      return;
    }
    Optional<BigDecimal> dec = value.toDecimal();
    if (dec.isEmpty()) {
      out.add(path, Messages.STRING_HAS_TO_BE_VALID_NUMBER);
    } else if (dec.get().compareTo(BigDecimal.valueOf(min)) < 0) {
      out.add(path, Messages.HAS_TO_BE_GREATER_OR_EQUAL_THEN + ": " + min);
    }
  }

  /** Kuma's {@code ValidateIntegerGreaterThanZeroOrNil} (uint32 fields). */
  public static void uintGreaterThanZeroOrNull(FieldPath path, Integer value, Violations out) {
    if (value != null) {
      uintGreaterThan(path, value, 0, out);
    }
  }

  /** Kuma's {@code ValidateIntegerGreaterThan} (uint32 fields). */
  public static void uintGreaterThan(FieldPath path, long value, long min, Violations out) {
    if (value <= min) {
      out.add(path, Messages.HAS_TO_BE_GREATER_THAN + " " + min);
    }
  }

  /** Kuma's {@code ValidateUInt32PercentageOrNil}. */
  public static void uintPercentageOrNull(FieldPath path, Integer value, Violations out) {
    if (value != null && value > 100) {
      out.add(path, Messages.HAS_TO_BE_IN_UINT_PERCENTAGE_RANGE);
    }
  }

  /** Kuma's {@code ValidateDurationGreaterThan}: above {@code min}; null is "must be defined". */
  public static void durationGreaterThan(FieldPath path, GoDuration value, GoDuration min,
      Violations out) {
    if (value == null) {
      out.add(path, Messages.MUST_BE_DEFINED);
    } else if (value.compareTo(min) <= 0) {
      out.add(path, Messages.HAS_TO_BE_GREATER_THAN + ": " + min);
    }
  }

  /** Kuma's {@code ValidatePathOrNil}: a file path when present. */
  public static void filePathOrNull(FieldPath path, String value, Violations out) {
    if (value != null && !GoValidator.isFilePath(value)) {
      out.add(path, Messages.WHEN_DEFINED_HAS_TO_BE_VALID_PATH);
    }
  }

  /** Kuma's {@code ValidateBackendRef}: a MeshMultiZoneService backend needs a port. */
  public static void backendRef(FieldPath path, BackendRef ref, Violations out) {
    if (ref != null && TargetRefKind.MESH_MULTI_ZONE_SERVICE.equals(ref.kind())
        && ref.port() == null) {
      out.add(path.field("port"), Messages.MUST_BE_DEFINED + " with kind MeshMultiZoneService");
    }
  }

  /** Kuma's {@code ValidateBackendResourceRef}. */
  public static void backendResourceRef(FieldPath path, BackendResourceRef ref, Violations out) {
    if (ref == null) {
      return;
    }
    if (!BackendResourceRef.MESH_OPEN_TELEMETRY_BACKEND.equals(ref.kind())) {
      out.add(path.field("kind"),
          mustBeOneOf("kind", List.of(BackendResourceRef.MESH_OPEN_TELEMETRY_BACKEND)));
    }
    if (Copies.orEmpty(ref.labels()).isEmpty()) {
      out.add(path, Messages.mustHaveExactlyOneOf("backendRef", "labels"));
    }
  }

  /**
   * Kuma's {@code ValidateOtelBackendRefOrEndpoint}: exactly one of {@code endpoint} and
   * {@code backendRef}, and an endpoint in host:port form (extra endpoint rules may follow).
   */
  public static void otelEndpointOrBackendRef(FieldPath path, String endpoint,
      BackendResourceRef backendRef, EndpointCheck extra, Violations out) {
    String ep = nullToEmpty(endpoint);
    if (!ep.isEmpty() && backendRef != null) {
      out.add(path, Messages.mustHaveOnlyOne("openTelemetry", "endpoint", "backendRef"));
    } else if (ep.isEmpty() && backendRef == null) {
      out.add(path, Messages.mustHaveExactlyOneOf("openTelemetry", "endpoint", "backendRef"));
    } else if (backendRef != null) {
      backendResourceRef(path.field("backendRef"), backendRef, out);
    } else if (ep.chars().anyMatch(c -> c == '/' || c == '?' || c == '#')) {
      out.add(path.field("endpoint"), "must be in host:port format, not a URL");
    } else if (extra != null) {
      extra.check(path, ep, out);
    }
  }

  /** An extra rule on an OpenTelemetry endpoint. */
  @FunctionalInterface
  public interface EndpointCheck {
    /** Adds violations for {@code endpoint} under {@code path} (the openTelemetry object). */
    void check(FieldPath path, String endpoint, Violations out);
  }

  /** Kuma's {@code ValidateOtelAttributeName}. */
  public static void otelAttributeName(FieldPath path, String value, Violations out) {
    String v = nullToEmpty(value);
    if (v.isEmpty()) {
      out.add(path, Messages.MUST_BE_DEFINED);
    } else if (v.contains("%")) {
      out.add(path, "must be a static OpenTelemetry attribute name; placeholders are only supported"
          + " in values");
    } else if (v.startsWith("otel.")) {
      out.add(path, "must not use the reserved OpenTelemetry prefix 'otel.'");
    } else if (!OTEL_ATTRIBUTE_NAME.matcher(v).matches()) {
      out.add(path, "must start with a lowercase letter, use only lowercase letters, digits, '.' or"
          + " '_', avoid consecutive delimiters, and end with a letter or digit");
    }
  }

  /** Kuma's TLS {@code ValidateVersion}: known versions, min not above max. */
  public static void tlsVersion(FieldPath path, TlsVersion version, Violations out) {
    boolean specificMin = false;
    boolean specificMax = false;
    if (version.min() != null) {
      if (!TLS_VERSIONS.contains(version.min())) {
        out.add(path.field("min"), mustBeOneOf("min", TLS_VERSIONS));
      } else if (!version.min().equals("TLSAuto")) {
        specificMin = true;
      }
    }
    if (version.max() != null) {
      if (!TLS_VERSIONS.contains(version.max())) {
        out.add(path.field("max"), mustBeOneOf("max", TLS_VERSIONS));
      } else if (!version.max().equals("TLSAuto")) {
        specificMax = true;
      }
    }
    if (specificMin && specificMax
        && TLS_VERSIONS.indexOf(version.min()) > TLS_VERSIONS.indexOf(version.max())) {
      out.add(path.field("min"), "min version must be lower than max");
    }
  }

  /** Kuma's {@code ValidateJsonPatchBlock}. */
  public static void jsonPatches(FieldPath path, List<JsonPatchBlock> patches, Violations out) {
    if (Copies.size(patches) == 0) {
      out.add(path, Messages.MUST_NOT_BE_EMPTY);
    }
    for (int i = 0; i < Copies.size(patches); i++) {
      JsonPatchBlock patch = patches.get(i) == null
          ? new JsonPatchBlock(null, null, null, null) : patches.get(i);
      FieldPath p = path.index(i);
      String op = nullToEmpty(patch.op());
      if (!JSON_PATCH_OPS.contains(op)) {
        out.add(p.field("op"), mustBeOneOf("op", JSON_PATCH_OPS));
      }
      boolean moveOrCopy = op.equals("move") || op.equals("copy");
      if (moveOrCopy && patch.from() == null) {
        out.add(p.field("from"), oneOfWhen("from", Messages.MUST_NOT_BE_EMPTY, "move", "copy"));
      } else if (!moveOrCopy && patch.from() != null) {
        out.add(p.field("from"), oneOfWhen("from", "is allowed only", "move", "copy"));
      }
      boolean addOrReplace = op.equals("add") || op.equals("replace");
      if (addOrReplace && patch.value() == null) {
        out.add(p.field("value"), oneOfWhen("value", Messages.MUST_NOT_BE_EMPTY, "add", "replace"));
      } else if (!addOrReplace && patch.value() != null) {
        out.add(p.field("value"), oneOfWhen("value", "is allowed only", "add", "replace"));
      }
      if (patch.path() == null) {
        out.add(p.field("path"), Messages.MUST_BE_DEFINED);
      } else if ((patch.path().isEmpty() || patch.path().equals("/")) && op.equals("remove")) {
        out.add(p.field("path"), "root path cannot be removed");
      }
    }
  }

  /** Kuma's {@code MakeFieldMustBeOneOfErr}: {@code "field" must be one of ["a", "b"]}. */
  public static String mustBeOneOf(String field, List<String> allowed) {
    return GoStrings.quote(field) + " must be one of [" + quoted(allowed) + "]";
  }

  private static String oneOfWhen(String field, String msg, String... ops) {
    return GoStrings.quote(field) + " " + msg + " when \"op\" is one of [" + quoted(List.of(ops))
        + "]";
  }

  private static String quoted(List<String> values) {
    return String.join(", ", values.stream().map(GoStrings::quote).toList());
  }

  /** {@code s}, or {@code ""} for null (Go's zero string). */
  public static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
