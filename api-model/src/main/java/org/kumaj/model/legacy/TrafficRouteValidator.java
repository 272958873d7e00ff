package org.kumaj.model.legacy;

import java.util.List;
import java.util.Map;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's TrafficRoute rules. */
final class TrafficRouteValidator implements SpecValidator<TrafficRoute> {
  private static final String CANNOT_BE_EMPTY = "cannot be empty";

  @Override
  public void validate(ResourceMeta meta, TrafficRoute spec, Violations out) {
    TagSelectors.validateSelectors(
        FieldPath.of("sources"), spec.sources(), TagSelectors.SERVICE_SELECTORS, out);
    TagSelectors.validateSelectors(
        FieldPath.of("destinations"), spec.destinations(), TagSelectors.ONLY_SERVICE, out);
    FieldPath root = FieldPath.of("conf");
    TrafficRoute.Conf conf = spec.conf();
    if (conf == null) {
      out.add(root, CANNOT_BE_EMPTY);
      return;
    }
    validateSplitAndDestination(root, conf.split(), conf.destination(), out);
    List<TrafficRoute.Http> http = conf.http();
    for (int i = 0; http != null && i < http.size(); i++) {
      validateHttp(root.field("http").index(i), http.get(i), out);
    }
    validateLoadBalancer(conf.loadBalancer(), out);
  }

  private static void validateHttp(FieldPath path, TrafficRoute.Http http, Violations out) {
    TrafficRoute.Match match = http == null ? null : http.match();
    validateMatch(path.field("match"), match, out);
    TrafficRoute.Modify modify = http == null ? null : http.modify();
    if (modify != null) {
      FieldPath modifyPath = path.field("modify");
      if (modify.path() != null) {
        validatePathRewrite(modifyPath.field("path"), modify.path(), match, out);
      }
      if (modify.host() != null) {
        validateHostRewrite(modifyPath.field("host"), modify.host(), out);
      }
      if (modify.requestHeaders() != null) {
        validateHeaders(modifyPath.field("requestHeaders"), modify.requestHeaders(), out);
      }
      if (modify.responseHeaders() != null) {
        validateHeaders(modifyPath.field("responseHeaders"), modify.responseHeaders(), out);
      }
    }
    validateSplitAndDestination(path, http == null ? null : http.split(),
        http == null ? null : http.destination(), out);
  }

  private static void validateMatch(FieldPath path, TrafficRoute.Match match, Violations out) {
    if (match == null
        || (match.path() == null && match.method() == null && match.headers() == null)) {
      out.add(path, "must be present and contain at least one of the elements: "
          + "\"method\", \"path\" or \"headers\"");
      return;
    }
    if (match.method() != null) {
      validateStringMatcher(path.field("method"), match.method(), out);
    }
    if (match.path() != null) {
      validateStringMatcher(path.field("path"), match.path(), out);
    }
    Map<String, TrafficRoute.StringMatcher> headers = match.headers();
    if (headers != null && headers.isEmpty()) {
      out.add(path.field("headers"), "must contain at least one element");
    }
    if (headers != null) {
      for (String key : headers.keySet().stream().sorted(GoStrings.GO_ORDER).toList()) {
        FieldPath keyPath = GoStrings.key(path.field("headers"), key);
        if (key.isEmpty()) {
          out.add(keyPath, CANNOT_BE_EMPTY);
        }
        validateStringMatcher(keyPath, headers.get(key), out);
      }
    }
  }

  private static void validateStringMatcher(
      FieldPath path, TrafficRoute.StringMatcher matcher, Violations out) {
    if (matcher != null && matcher.prefix() != null) {
      if (matcher.prefix().isEmpty()) {
        out.add(path.field("prefix"), CANNOT_BE_EMPTY);
      }
    } else if (matcher != null && matcher.exact() != null) {
      return;
    } else if (matcher != null && matcher.regex() != null) {
      if (matcher.regex().isEmpty()) {
        out.add(path.field("regex"), CANNOT_BE_EMPTY);
      }
    } else {
      out.add(path, "cannot be empty. Available options: \"exact\", \"split\" or \"regex\"");
    }
  }

  private static void validatePathRewrite(FieldPath path, TrafficRoute.Path rewrite,
      TrafficRoute.Match match, Violations out) {
    if (rewrite.rewritePrefix() != null) {
      String matchedPrefix = match == null || match.path() == null ? null : match.path().prefix();
      if (rewrite.rewritePrefix().isEmpty()) {
        out.add(path.field("rewritePrefix"), CANNOT_BE_EMPTY);
      } else if (matchedPrefix == null || matchedPrefix.isEmpty()) {
        out.add(path.field("rewritePrefix"),
            "can only be set when .http.match.path.prefix is not empty");
      }
    } else if (rewrite.regex() != null) {
      validateRegexReplace(path.field("regex"), rewrite.regex(), out);
    } else {
      out.add(path, "either \"rewritePrefix\" or \"regex\" has to be set");
    }
  }

  private static void validateHostRewrite(FieldPath path, TrafficRoute.Host host, Violations out) {
    if (host.value() != null) {
      if (host.value().isEmpty()) {
        out.add(path.field("value"), CANNOT_BE_EMPTY);
      }
    } else if (host.fromPath() != null) {
      validateRegexReplace(path.field("fromPath"), host.fromPath(), out);
    } else {
      out.add(path, "either \"value\" or \"fromPath\" has to be set");
    }
  }

  private static void validateRegexReplace(
      FieldPath path, TrafficRoute.RegexReplace regex, Violations out) {
    if (isEmpty(regex.pattern())) {
      out.add(path.field("pattern"), CANNOT_BE_EMPTY);
    }
    if (isEmpty(regex.substitution())) {
      out.add(path.field("substitution"), CANNOT_BE_EMPTY);
    }
  }

  private static void validateHeaders(
      FieldPath path, TrafficRoute.Headers headers, Violations out) {
    List<TrafficRoute.AddHeader> add = headers.add();
    for (int i = 0; add != null && i < add.size(); i++) {
      TrafficRoute.AddHeader header = add.get(i);
      validateHeaderName(path.field("add").index(i).field("name"),
          header == null ? null : header.name(), out);
      if (header == null || isEmpty(header.value())) {
        out.add(path.field("add").index(i).field("value"), CANNOT_BE_EMPTY);
      }
    }
    List<TrafficRoute.RemoveHeader> remove = headers.remove();
    for (int i = 0; remove != null && i < remove.size(); i++) {
      validateHeaderName(path.field("remove").index(i).field("name"),
          remove.get(i) == null ? null : remove.get(i).name(), out);
    }
  }

  private static void validateHeaderName(FieldPath path, String name, Violations out) {
    if (isEmpty(name)) {
      out.add(path, CANNOT_BE_EMPTY);
    } else if (name.charAt(0) == ':' || name.equals("host") || name.equals("Host")) {
      out.add(path, "host header and HTTP/2 pseudo-headers are not allowed to be modified");
    }
  }

  /**
   * Kuma tells "absent" from "empty" the way its decoder leaves them: an empty JSON list is absent,
   * an empty JSON object is present.
   */
  private static void validateSplitAndDestination(FieldPath path, List<TrafficRoute.Split> split,
      Map<String, String> destination, Violations out) {
    boolean hasSplit = split != null && !split.isEmpty();
    if (!hasSplit && destination == null) {
      out.add(path, "requires either \"destination\" or \"split\"");
    }
    if (hasSplit && destination != null) {
      out.add(path, "\"split\" cannot be defined at the same time as \"destination\"");
    }
    if (hasSplit) {
      validateSplit(path.field("split"), split, out);
    }
    if (destination != null) {
      TagSelectors.validateSelector(
          path.field("destination"), destination, TagSelectors.SERVICE_TAGS, out);
    }
  }

  private static void validateSplit(
      FieldPath path, List<TrafficRoute.Split> split, Violations out) {
    long totalWeight = 0;
    for (int i = 0; i < split.size(); i++) {
      TrafficRoute.Split entry = split.get(i);
      Integer weight = entry == null ? null : entry.weight();
      if (weight == null) {
        out.add(path.index(i).field("weight"), "needs to be defined");
      } else {
        totalWeight = (totalWeight + Integer.toUnsignedLong(weight)) & 0xFFFF_FFFFL; // uint32 sum
      }
      TagSelectors.validateSelector(path.index(i).field("destination"),
          entry == null ? null : entry.destination(), TagSelectors.SERVICE_TAGS, out);
    }
    if (totalWeight == 0) {
      out.add(path, "there must be at least one split entry with weight above 0");
    }
  }

  private static void validateLoadBalancer(TrafficRoute.LoadBalancer lb, Violations out) {
    if (lb == null) {
      return;
    }
    if (lb.leastRequest() != null) {
      Integer choiceCount = lb.leastRequest().choiceCount();
      if (choiceCount != null && choiceCount == 1) {
        out.add("conf.loadBalancer.leastRequest.choiceCount",
            "value must be greater than or equal to 2");
      }
    } else if (lb.ringHash() != null) {
      String hashFunction = lb.ringHash().hashFunction();
      if (!"XX_HASH".equals(hashFunction) && !"MURMUR_HASH_2".equals(hashFunction)) {
        out.add("conf.loadBalancer.ringHash.hashFunction", "must have a valid hash function");
      }
    }
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
