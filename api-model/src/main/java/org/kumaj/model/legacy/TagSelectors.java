package org.kumaj.model.legacy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kumaj.model.mesh.Selector;
import org.kumaj.model.mesh.TagChecks;
import org.kumaj.model.mesh.TagChecks.Options;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.Violations;

/**
 * The selector rules of the legacy policies, built on {@link TagChecks} (Kuma's
 * {@code ValidateSelectors}) plus the two extra checks they need: Kuma's
 * {@code OnlyServiceTagAllowed} and {@code ProtocolValidator(HTTPBasedProtocols)}. Stateless.
 */
final class TagSelectors {
  private static final String SERVICE_TAG = TagChecks.SERVICE_TAG;
  private static final String PROTOCOL_TAG = TagChecks.PROTOCOL_TAG;
  private static final List<String> HTTP_BASED_PROTOCOLS = List.of("http", "http2", "grpc");

  /** Kuma's {@code ValidateSelectorsOpts} as the legacy policies use it. */
  record SelectorRules(boolean requireAtLeastOneSelector, Options tags) {}

  /** Non-empty tags including {@code kuma.io/service}. */
  static final Options SERVICE_TAGS = Options.NONE.withRequireAtLeastOneTag().withRequireService(true);
  /** At least one selector, each with non-empty tags including {@code kuma.io/service}. */
  static final SelectorRules SERVICE_SELECTORS = new SelectorRules(true, SERVICE_TAGS);
  /** At least one selector, each exactly {@code kuma.io/service} (Kuma's OnlyServiceTagAllowed). */
  static final SelectorRules ONLY_SERVICE = new SelectorRules(true, Options.NONE
      .withRequireService(true)
      .withTagsCheck(TagSelectors::exactlyService)
      .withKeyCheck(TagSelectors::onlyServiceKey));
  /** At least one selector, each with at least one tag. */
  static final SelectorRules ANY_TAGS =
      new SelectorRules(true, Options.NONE.withRequireAtLeastOneTag());
  /** Like {@link #ANY_TAGS}, and each must select an HTTP-based protocol. */
  static final SelectorRules HTTP_DESTINATIONS = new SelectorRules(true,
      Options.NONE.withRequireAtLeastOneTag().withTagsCheck(TagSelectors::httpProtocol));
  /** Possibly no selectors; each with non-empty tags including {@code kuma.io/service}. */
  static final SelectorRules OPTIONAL_SERVICE_SELECTORS = new SelectorRules(false, SERVICE_TAGS);

  private TagSelectors() {}

  /** Validates a list of selectors at {@code path} ({@code sources}, {@code selectors}, ...). */
  static void validateSelectors(
      FieldPath path, List<Selector> selectors, SelectorRules rules, Violations out) {
    TagChecks.validateSelectors(
        path, selectors, rules.tags(), rules.requireAtLeastOneSelector(), false, out);
  }

  /** Validates one tag selector (values may be {@code *}). */
  static void validateSelector(
      FieldPath path, Map<String, String> tags, Options rules, Violations out) {
    TagChecks.validateSelector(path, tags, rules, out);
  }

  private static void exactlyService(FieldPath path, Map<String, String> tags, Violations out) {
    if (tags.size() != 1 || !tags.containsKey(SERVICE_TAG)) {
      out.add(path, "must consist of exactly one tag " + GoStrings.quote(SERVICE_TAG));
    }
  }

  private static void onlyServiceKey(FieldPath path, String key, Violations out) {
    if (!key.equals(SERVICE_TAG)) {
      out.add(GoStrings.key(path, key), "tag " + GoStrings.quote(key) + " is not allowed");
    }
  }

  private static void httpProtocol(FieldPath path, Map<String, String> tags, Violations out) {
    if (!tags.containsKey(PROTOCOL_TAG)) {
      out.add(path, "protocol must be specified");
      return;
    }
    String value = tags.get(PROTOCOL_TAG) == null ? "" : tags.get(PROTOCOL_TAG);
    if (!HTTP_BASED_PROTOCOLS.contains(value.toLowerCase(Locale.ROOT))) {
      out.add(GoStrings.key(path, PROTOCOL_TAG),
          "must be one of the [" + String.join(", ", HTTP_BASED_PROTOCOLS) + "]");
    }
  }
}
