package org.kumaj.cp.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kumaj.cp.tokens.DataplaneIdentity;
import org.kumaj.cp.tokens.IssuerDisabledException;
import org.kumaj.cp.tokens.SigningKeyNotFoundException;
import org.kumaj.cp.tokens.TokenIssuer;
import org.kumaj.model.GoDuration;
import org.kumaj.model.codec.Json;
import org.kumaj.model.validation.Violation;

/**
 * The token issuing routes ({@code pkg/tokens/builtin/server}, {@code pkg/plugins/authn/api-server/tokens/ws}):
 * <ul>
 *   <li>{@code POST /tokens/dataplane} {@code {"name","mesh","tags","type","workload","validFor"}}:
 *       mesh required, type empty or a proxy type, validFor a Go duration (empty = 10 years);</li>
 *   <li>{@code POST /tokens/zone} {@code {"zone","scope","validFor"}}: scope required;</li>
 *   <li>{@code POST /tokens/user} {@code {"name","groups","validFor"}}: name and a non-zero validFor
 *       required.</li>
 * </ul>
 * The answer is the token as {@code text/plain}. Checks run in Kuma's order (the dataplane route
 * validates before checking access, the others check access first). Where Kuma answers a body it
 * cannot read with a bare 400, this answers a 400 in Kuma's error shape naming the field. Stateless.
 */
final class TokenEndpoints {
  static final String INVALID_REQUEST = "Invalid request";
  static final String COULD_NOT_ISSUE = "Could not issue a token";
  /** Kuma's default validity of dataplane and zone tokens when {@code validFor} is empty. */
  static final Duration TEN_YEARS = Duration.ofHours(24L * 365 * 10);
  private static final Set<String> PROXY_TYPES = Set.of("dataplane", "ingress", "egress");

  private final TokenIssuer issuer;
  private final Access access;

  TokenEndpoints(TokenIssuer issuer, Access access) {
    this.issuer = issuer;
    this.access = access;
  }

  void register(List<Route> routes) {
    routes.add(new Route("POST", "/tokens/dataplane", (r, v, u) -> dataplane(r, u)));
    routes.add(new Route("POST", "/tokens/zone", (r, v, u) -> zone(r, u)));
    routes.add(new Route("POST", "/tokens/user", (r, v, u) -> user(r, u)));
  }

  private ApiResponse dataplane(ApiRequest request, User user) {
    Body body = Body.parse(request.body());
    String name = body.string("name");
    String mesh = body.string("mesh");
    Map<String, List<String>> tags = body.tags("tags");
    String type = body.string("type");
    String workload = body.string("workload");
    String validFor = body.string("validFor");
    body.throwIfInvalid();
    List<Violation> violations = new ArrayList<>();
    if (mesh.isEmpty()) {
      violations.add(new Violation("mesh", "cannot be empty"));
    }
    Duration duration = validFor(validFor, violations);
    if (!type.isEmpty() && !PROXY_TYPES.contains(type)) {
      violations.add(new Violation("type", type + " is not a valid proxy type"));
    }
    throwIfAny(violations);
    access.generateDataplaneToken(user);
    return issue(() -> issuer.issueDataplane(new DataplaneIdentity(name, mesh, tags, type, workload), duration));
  }

  private ApiResponse zone(ApiRequest request, User user) {
    Body body = Body.parse(request.body());
    String zone = body.string("zone");
    List<String> scope = body.strings("scope");
    String validFor = body.string("validFor");
    body.throwIfInvalid();
    access.generateZoneToken(user, zone);
    List<Violation> violations = new ArrayList<>();
    if (scope == null) {
      violations.add(new Violation("scope", "cannot be empty"));
    }
    Duration duration = validFor(validFor, violations);
    throwIfAny(violations);
    return issue(() -> issuer.issueZone(zone, scope, duration));
  }

  private ApiResponse user(ApiRequest request, User user) {
    access.generateUserToken(user);
    Body body = Body.parse(request.body());
    String name = body.string("name");
    List<String> groups = body.strings("groups");
    String validFor = body.string("validFor");
    body.throwIfInvalid();
    List<Violation> violations = new ArrayList<>();
    if (name.isEmpty()) {
      violations.add(new Violation("name", "cannot be empty"));
    }
    Duration duration = Duration.ZERO;
    if (validFor.isEmpty()) {
      violations.add(new Violation("validFor", "cannot be empty"));
    } else {
      duration = validFor(validFor, violations);
      if (duration.isZero()) {
        violations.add(new Violation("validFor", "cannot be empty or nil"));
      }
    }
    throwIfAny(violations);
    Duration valid = duration;
    return issue(() -> issuer.issueUser(name, groups == null ? List.of() : groups, valid));
  }

  /** Kuma's {@code validateValidFor}: empty means ten years; otherwise a Go duration (0 when invalid). */
  private static Duration validFor(String text, List<Violation> violations) {
    if (text.isEmpty()) {
      return TEN_YEARS;
    }
    try {
      return GoDuration.parse(text).toDuration();
    } catch (IllegalArgumentException e) {
      violations.add(new Violation("validFor", "is invalid: " + e.getMessage()));
      return Duration.ZERO;
    }
  }

  private static void throwIfAny(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw Errors.invalid(INVALID_REQUEST, violations);
    }
  }

  private static ApiResponse issue(java.util.function.Supplier<String> token) {
    try {
      return ApiResponse.text(200, token.get());
    } catch (IssuerDisabledException e) {
      throw new ApiException(KumaError.of(400, COULD_NOT_ISSUE, e.getMessage()));
    } catch (SigningKeyNotFoundException e) {
      throw new ApiException(KumaError.of(404, "Signing Key not found", e.getMessage()));
    }
  }

  /**
   * A token request body read as Go's {@code encoding/json} reads it into Kuma's request structs:
   * unknown fields are ignored, {@code null} is the zero value, and a field of the wrong JSON type
   * is an error (reported here as a violation of that field).
   */
  private static final class Body {
    private final JsonNode node;
    private final List<Violation> problems = new ArrayList<>();

    private Body(JsonNode node) {
      this.node = node;
    }

    static Body parse(String text) {
      JsonNode node;
      try {
        node = Json.mapper().readTree(text == null ? "" : text);
      } catch (JsonProcessingException e) {
        throw Errors.invalid(INVALID_REQUEST, List.of(new Violation("", GoJsonErrors.describe(e))));
      }
      if (node == null || node.isMissingNode()) {
        throw Errors.invalid(INVALID_REQUEST, List.of(new Violation("", "unexpected end of JSON input")));
      }
      if (!node.isObject() && !node.isNull()) {
        throw Errors.invalid(INVALID_REQUEST, List.of(new Violation("", "must be a JSON object")));
      }
      return new Body(node);
    }

    String string(String field) {
      JsonNode v = node.path(field);
      if (v.isMissingNode() || v.isNull()) {
        return "";
      }
      if (!v.isTextual()) {
        problems.add(new Violation(field, "must be a string"));
        return "";
      }
      return v.asText();
    }

    /** A list of strings; null when absent or null (Go's nil slice). */
    List<String> strings(String field) {
      JsonNode v = node.path(field);
      if (v.isMissingNode() || v.isNull()) {
        return null;
      }
      List<String> out = new ArrayList<>();
      if (!v.isArray()) {
        problems.add(new Violation(field, "must be a list of strings"));
        return out;
      }
      for (JsonNode item : v) {
        if (!item.isTextual()) {
          problems.add(new Violation(field, "must be a list of strings"));
          return out;
        }
        out.add(item.asText());
      }
      return out;
    }

    Map<String, List<String>> tags(String field) {
      JsonNode v = node.path(field);
      Map<String, List<String>> out = new LinkedHashMap<>();
      if (v.isMissingNode() || v.isNull()) {
        return out;
      }
      if (!v.isObject()) {
        problems.add(new Violation(field, "must be an object of tag names to lists of values"));
        return out;
      }
      v.fields().forEachRemaining(e -> {
        List<String> values = new ArrayList<>();
        JsonNode list = e.getValue();
        if (!list.isNull() && !list.isArray()) {
          problems.add(new Violation(field + "[\"" + e.getKey() + "\"]", "must be a list of strings"));
          return;
        }
        for (JsonNode item : list) {
          if (!item.isTextual()) {
            problems.add(new Violation(field + "[\"" + e.getKey() + "\"]", "must be a list of strings"));
            return;
          }
          values.add(item.asText());
        }
        out.put(e.getKey(), values);
      });
      return out;
    }

    void throwIfInvalid() {
      throwIfAny(problems);
    }
  }
}
