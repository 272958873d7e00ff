package org.kumaj.cp.tokens;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Kuma's claims from a verified token; a claim of the wrong type makes the token invalid. */
final class TokenClaims {
  private TokenClaims() {}

  static String string(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    if (value == null) {
      return "";
    }
    if (!(value instanceof String s)) {
      throw new InvalidTokenException("could not parse token: token is malformed: claim " + name + " is not a string");
    }
    return s;
  }

  static List<String> strings(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
      throw new InvalidTokenException("could not parse token: token is malformed: claim " + name
          + " is not a list of strings");
    }
    return list.stream().map(String.class::cast).toList();
  }

  static Map<String, List<String>> tags(JWTClaimsSet claims) {
    Object value = claims.getClaim("Tags");
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new InvalidTokenException("could not parse token: token is malformed: claim Tags is not an object");
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
        throw new InvalidTokenException("could not parse token: token is malformed: tag " + e.getKey()
            + " is not a list of strings");
      }
      out.put(String.valueOf(e.getKey()), list.stream().map(String.class::cast).toList());
    }
    return out;
  }
}
