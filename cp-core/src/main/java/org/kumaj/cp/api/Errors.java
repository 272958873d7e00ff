package org.kumaj.cp.api;

import java.util.List;
import org.kumaj.cp.manager.MeshNotFoundException;
import org.kumaj.cp.store.InvalidOffsetException;
import org.kumaj.cp.store.ResourceAlreadyExistsException;
import org.kumaj.cp.store.ResourceConflictException;
import org.kumaj.cp.store.ResourceNotFoundException;
import org.kumaj.model.ResourceType;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.codec.ResourceDecodeException;
import org.kumaj.model.validation.ValidationException;
import org.kumaj.model.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps failures to Kuma's error bodies ({@code pkg/core/rest/errors/error_handler.go}): the caller
 * names the title, the failure decides status and detail. Stateless.
 */
final class Errors {
  static final String NOT_VALID = "Resource is not valid";
  private static final Logger LOG = LoggerFactory.getLogger("api-server");

  private Errors() {}

  static ApiException of(Throwable failure, String title) {
    return new ApiException(map(failure, title, null));
  }

  /** Maps {@code failure}; {@code type} refines decode errors (old-style types report Go's text). */
  static KumaError map(Throwable failure, String title, ResourceType type) {
    if (failure instanceof ApiException api) {
      return api.error();
    }
    if (failure instanceof ResourceNotFoundException) {
      return KumaError.of(404, title, "Not found");
    }
    if (failure instanceof ValidationException v) {
      return KumaError.invalid(400, title, NOT_VALID, v.violations());
    }
    if (failure instanceof ResourceDecodeException d) {
      if (type == null || type.style() == SpecStyle.NESTED || d.reason().startsWith("json: ")) {
        if (type != null && d.reason().startsWith("json: ")) {
          return badRequest("invalid " + type.name() + " object: \"" + d.reason() + "\"");
        }
        return KumaError.invalid(400, title, NOT_VALID, List.of(new Violation(d.field(), d.reason())));
      }
      return badRequest("invalid " + type.name() + " object: \"" + d.getMessage() + "\"");
    }
    if (failure instanceof MeshNotFoundException m) {
      return KumaError.invalid(400, "Mesh is not found", NOT_VALID, List.of(new Violation("mesh", m.getMessage())));
    }
    if (failure instanceof ResourceAlreadyExistsException || failure instanceof ResourceConflictException) {
      return KumaError.of(409, "Conflict", failure.getMessage());
    }
    if (failure instanceof InvalidOffsetException) {
      return KumaError.of(400, title, "invalid: " + failure.getMessage());
    }
    LOG.error("unexpected failure ({})", title, failure);
    return KumaError.of(500, "Internal Server Error", "Internal Server Error");
  }

  static KumaError badRequest(String detail) {
    return KumaError.of(400, "Bad Request", detail);
  }

  static ApiException notFound(String title) {
    return new ApiException(KumaError.of(404, title, "Not found"));
  }

  static ApiException invalid(String title, List<Violation> violations) {
    return new ApiException(KumaError.invalid(400, title, NOT_VALID, violations));
  }
}
