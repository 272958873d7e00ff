package org.kumaj.model.legacy;

import java.util.List;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's RateLimit rules. */
final class RateLimitValidator implements SpecValidator<RateLimit> {

  @Override
  public void validate(ResourceMeta meta, RateLimit spec, Violations out) {
    TagSelectors.validateSelectors(
        FieldPath.of("sources"), spec.sources(), TagSelectors.ANY_TAGS, out);
    TagSelectors.validateSelectors(
        FieldPath.of("destinations"), spec.destinations(), TagSelectors.ANY_TAGS, out);
    FieldPath root = FieldPath.of("conf");
    if (spec.conf() == null) {
      out.add(root, "must have conf");
    } else if (spec.conf().http() != null) {
      validateHttp(root.field("http"), spec.conf().http(), out);
    }
  }

  private static void validateHttp(FieldPath path, RateLimit.Http http, Violations out) {
    if (http.requests() == null || http.requests() == 0) {
      out.add(path.field("requests"), "requests must be set");
    }
    if (http.interval() == null) {
      out.add(path.field("interval"), "interval must be set");
    }
    if (http.onRateLimit() == null) {
      return;
    }
    List<RateLimit.HeaderValue> headers = http.onRateLimit().headers();
    for (int i = 0; headers != null && i < headers.size(); i++) {
      // Kuma writes the index as a map key under "header": onRateLimit.header["0"]
      FieldPath headerPath = path.field("onRateLimit").field("header").key(Integer.toString(i));
      RateLimit.HeaderValue header = headers.get(i);
      if (header == null || header.key() == null || header.key().isEmpty()) {
        out.add(headerPath, "key must be set");
      }
      if (header == null || header.value() == null || header.value().isEmpty()) {
        out.add(headerPath, "value must be set");
      }
    }
  }
}
