package org.kumaj.model.legacy;

import java.util.List;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.Violations;

/**
 * A proto enum whose values travel as their protojson names. Kuma rejects an unknown name while
 * decoding; we report the decoder's text as a violation at the field instead.
 *
 * @param fullName the proto full name, e.g. {@code kuma.mesh.v1alpha1.HttpMethod}
 * @param names the value names in number order
 */
record ProtoEnum(String fullName, List<String> names) {
  static final ProtoEnum HTTP_METHOD = new ProtoEnum("kuma.mesh.v1alpha1.HttpMethod",
      List.of("NONE", "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT",
          "TRACE"));
  static final ProtoEnum HTTP_RETRY_ON = new ProtoEnum("kuma.mesh.v1alpha1.HttpRetryOn",
      List.of("all_5xx", "gateway_error", "reset", "connect_failure", "envoy_ratelimited",
          "retriable_4xx", "refused_stream", "retriable_status_codes", "retriable_headers",
          "http3_post_connect_failure"));
  static final ProtoEnum GRPC_RETRY_ON = new ProtoEnum(
      "kuma.mesh.v1alpha1.Retry.Conf.Grpc.RetryOn",
      List.of("cancelled", "deadline_exceeded", "internal", "resource_exhausted", "unavailable"));

  /** The value a JSON {@code null} list element decodes to (the enum's zero value). */
  String zero() {
    return names.get(0);
  }

  /**
   * Returns the name {@code value} stands for ({@link #zero()} for {@code null}), adding the
   * decoder's error at {@code path} and returning {@code null} when it is no value of this enum.
   */
  String check(FieldPath path, String value, Violations out) {
    if (value == null) {
      return zero();
    }
    if (!names.contains(value)) {
      out.add(path, "unknown value " + GoStrings.quote("\"" + value + "\"") + " for enum " + fullName);
      return null;
    }
    return value;
  }
}
