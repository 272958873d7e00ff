package org.kumaj.model.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's tag and selector checks of proto-based types ({@code ValidateTags},
 * {@code ValidateSelector}, {@code ValidateSelectors}) with Kuma's messages. Stateless.
 */
public final class TagChecks {
  public static final String SERVICE_TAG = "kuma.io/service";
  public static final String PROTOCOL_TAG = "kuma.io/protocol";
  public static final String ZONE_TAG = "kuma.io/zone";
  public static final String EXTERNAL_SERVICE_TAG = "kuma.io/external-service-name";
  /** The protocols Kuma lists in its hints, in Kuma's order. */
  public static final List<String> SUPPORTED_PROTOCOLS = List.of("grpc", "http", "http2", "kafka", "tcp");

  private static final Set<String> KNOWN_PROTOCOLS =
      Set.of("http", "http2", "tcp", "tls", "grpc", "kafka", "mysql");
  private static final Pattern TAG_NAME = Pattern.compile("^[a-zA-Z0-9.\\-_:/]*$");
  private static final Pattern TAG_VALUE = Pattern.compile("^[a-zA-Z0-9.\\-_:]*$");
  private static final Pattern SELECTOR_VALUE = Pattern.compile("^([a-zA-Z0-9.\\-_:/]*|\\*)$");

  private TagChecks() {}

  /** A check of the whole tag map. */
  @FunctionalInterface
  public interface TagsCheck {
    void check(FieldPath path, Map<String, String> tags, Violations out);
  }

  /** A check of one tag name; {@code path} is the path of the tag map. */
  @FunctionalInterface
  public interface KeyCheck {
    void check(FieldPath path, String key, Violations out);
  }

  /** A check of one tag value; {@code path} is the path of the tag map. */
  @FunctionalInterface
  public interface ValueCheck {
    void check(FieldPath path, String key, String value, Violations out);
  }

  /**
   * Kuma's {@code ValidateTagsOpts}.
   *
   * @param requireAtLeastOneTag the map must not be empty
   * @param requireService {@code kuma.io/service} must be present
   * @param forbidService {@code kuma.io/service} must be absent
   * @param extraTags further checks of the whole map, run before the per-tag checks
   * @param extraKeys further checks of each tag name
   * @param extraValues further checks of each tag value
   */
  public record Options(
      boolean requireAtLeastOneTag,
      boolean requireService,
      boolean forbidService,
      List<TagsCheck> extraTags,
      List<KeyCheck> extraKeys,
      List<ValueCheck> extraValues) {

    public static final Options NONE = new Options(false, false, false, List.of(), List.of(), List.of());

    public Options withRequireAtLeastOneTag() {
      return new Options(true, requireService, forbidService, extraTags, extraKeys, extraValues);
    }

    public Options withRequireService(boolean require) {
      return new Options(requireAtLeastOneTag, require, forbidService, extraTags, extraKeys, extraValues);
    }

    public Options withForbidService() {
      return new Options(requireAtLeastOneTag, requireService, true, extraTags, extraKeys, extraValues);
    }

    public Options withTagsCheck(TagsCheck check) {
      return new Options(requireAtLeastOneTag, requireService, forbidService,
          append(extraTags, check), extraKeys, extraValues);
    }

    public Options withKeyCheck(KeyCheck check) {
      return new Options(requireAtLeastOneTag, requireService, forbidService,
          extraTags, append(extraKeys, check), extraValues);
    }

    Options withFirstValueCheck(ValueCheck check) {
      List<ValueCheck> values = new ArrayList<>();
      values.add(check);
      values.addAll(extraValues);
      return new Options(requireAtLeastOneTag, requireService, forbidService, extraTags, extraKeys, values);
    }

    private static <T> List<T> append(List<T> list, T item) {
      List<T> copy = new ArrayList<>(list);
      copy.add(item);
      return copy;
    }
  }

  /** Kuma's {@code ValidateSelectors}: each selector's {@code match} (at {@code path[i].match}). */
  public static void validateSelectors(FieldPath path, List<Selector> selectors, Options opts,
      boolean requireAtLeastOneSelector, boolean requireAtMostOneSelector, Violations out) {
    if (requireAtLeastOneSelector && (selectors == null || selectors.isEmpty())) {
      out.add(path, "must have at least one element");
    }
    if (selectors == null) {
      return;
    }
    for (int i = 0; i < selectors.size(); i++) {
      Selector selector = selectors.get(i);
      validateSelector(path.index(i).field("match"), selector == null ? null : selector.match(), opts, out);
      if (i > 0 && requireAtMostOneSelector) {
        out.add(path.index(i), "there can be at most one selector");
      }
    }
  }

  /** Kuma's {@code ValidateSelector}: tags whose values may also be {@code *}. */
  public static void validateSelector(FieldPath path, Map<String, String> tags, Options opts,
      Violations out) {
    validateKeyValues(path, tags, opts.withFirstValueCheck((p, key, value, o) -> {
      if (!SELECTOR_VALUE.matcher(value).matches()) {
        o.add(p.key(key), "tag value must consist of alphanumeric characters, dots, dashes, slashes"
            + " and underscores or be \"*\"");
      }
    }), out);
  }

  /** Kuma's {@code ValidateTags}: concrete tags. */
  public static void validateTags(FieldPath path, Map<String, String> tags, Options opts,
      Violations out) {
    validateKeyValues(path, tags, opts.withFirstValueCheck((p, key, value, o) -> {
      if (!TAG_VALUE.matcher(value).matches()) {
        o.add(p.key(key), "tag value must consist of alphanumeric characters, dots, dashes and underscores");
      }
    }), out);
  }

  /** Kuma's {@code SelectorKeyNotInSet}: the tag name must not be one of {@code names}. */
  public static KeyCheck keyNotIn(String... names) {
    Set<String> set = Set.of(names);
    return (path, key, out) -> {
      if (set.contains(key)) {
        out.add(path.key(key), "tag name must not be " + GoStrings.quote(key));
      }
    };
  }

  /** Kuma's {@code ParseProtocol} is not unknown for {@code value} (case-insensitive). */
  public static boolean isKnownProtocol(String value) {
    return KNOWN_PROTOCOLS.contains(value.toLowerCase(java.util.Locale.ROOT));
  }

  /** {@code Allowed values: a, b} as Kuma's {@code AllowedValuesHint} writes it. */
  public static String allowedValuesHint(List<String> values) {
    return "Allowed values: " + (values.isEmpty() ? "(none)" : String.join(", ", values));
  }

  private static void validateKeyValues(FieldPath path, Map<String, String> tags, Options opts,
      Violations out) {
    Map<String, String> map = tags == null ? Map.of() : tags;
    if (opts.requireAtLeastOneTag() && map.isEmpty()) {
      out.add(path, "must have at least one tag");
    }
    for (TagsCheck check : opts.extraTags()) {
      check.check(path, map, out);
    }
    for (String key : GoStrings.sortedKeys(map)) {
      if (key.isEmpty()) {
        out.add(path, "tag name must be non-empty");
      }
      if (!TAG_NAME.matcher(key).matches()) {
        out.add(path.key(key),
            "tag name must consist of alphanumeric characters, dots, dashes, slashes and underscores");
      }
      for (KeyCheck check : opts.extraKeys()) {
        check.check(path, key, out);
      }
      String value = map.get(key) == null ? "" : map.get(key);
      if (value.isEmpty()) {
        out.add(path.key(key), "tag value must be non-empty");
      }
      for (ValueCheck check : opts.extraValues()) {
        check.check(path, key, value, out);
      }
    }
    boolean hasService = map.containsKey(SERVICE_TAG);
    if (opts.forbidService() && hasService) {
      out.add(path, GoStrings.quote(SERVICE_TAG) + " must not be defined");
    }
    if (opts.requireService() && !hasService) {
      out.add(path, "mandatory tag " + GoStrings.quote(SERVICE_TAG) + " is missing");
    }
  }
}
