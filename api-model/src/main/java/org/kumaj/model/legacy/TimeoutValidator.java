package org.kumaj.model.legacy;

import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's Timeout rules. */
final class TimeoutValidator implements SpecValidator<Timeout> {
  private static final String AT_LEAST_ONE = "at least one timeout in section has to be defined";

  @Override
  public void validate(ResourceMeta meta, Timeout spec, Violations out) {
    TagSelectors.validateSelectors(
        FieldPath.of("sources"), spec.sources(), TagSelectors.SERVICE_SELECTORS, out);
    TagSelectors.validateSelectors(
        FieldPath.of("destinations"), spec.destinations(), TagSelectors.ONLY_SERVICE, out);
    FieldPath path = FieldPath.of("conf");
    Timeout.Conf conf = spec.conf();
    if (conf == null) {
      out.add(path, RetryValidator.HAS_TO_BE_DEFINED);
      return;
    }
    if (conf.tcp() != null) {
      FieldPath tcp = path.field("tcp");
      if (conf.tcp().idleTimeout() == null) {
        out.add(tcp, AT_LEAST_ONE);
      } else {
        RetryValidator.greaterThanZero(tcp.field("idleTimeout"), conf.tcp().idleTimeout(), out);
      }
    }
    if (conf.http() != null) {
      FieldPath http = path.field("http");
      Timeout.Http h = conf.http();
      if (h.requestTimeout() == null && h.idleTimeout() == null) {
        out.add(http, AT_LEAST_ONE);
      } else {
        RetryValidator.greaterThanZeroWhenDefined(
            http.field("requestTimeout"), h.requestTimeout(), out);
        RetryValidator.greaterThanZeroWhenDefined(http.field("idleTimeout"), h.idleTimeout(), out);
      }
    }
    if (conf.grpc() != null) {
      FieldPath grpc = path.field("grpc");
      Timeout.Grpc g = conf.grpc();
      if (g.streamIdleTimeout() == null && g.maxStreamDuration() == null) {
        out.add(grpc, AT_LEAST_ONE);
      } else {
        RetryValidator.greaterThanZeroWhenDefined(
            grpc.field("streamIdleTimeout"), g.streamIdleTimeout(), out);
        RetryValidator.greaterThanZeroWhenDefined(
            grpc.field("maxStreamDuration"), g.maxStreamDuration(), out);
      }
    }
  }
}
