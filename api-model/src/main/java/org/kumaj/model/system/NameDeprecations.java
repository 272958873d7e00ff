package org.kumaj.model.system;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's deprecation warning for Mesh and Zone names that are not DNS-1035 labels (Kubernetes'
 * {@code NameIsDNS1035Label} messages, word for word).
 */
public final class NameDeprecations {
  /** The label that carries a resource's display name; Kuma checks it instead of the name when set. */
  public static final String DISPLAY_NAME_LABEL = "kuma.io/display-name";
  private static final String DNS1035_FORMAT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1035 = Pattern.compile("^" + DNS1035_FORMAT + "$");
  private static final int DNS1035_MAX_LENGTH = 63;

  private NameDeprecations() {}

  /** Adds Kuma's warning to {@code out} when the display name of {@code meta} is not a DNS-1035 label. */
  public static void warnIfNotDns1035(String typeName, ResourceMeta meta, Violations out) {
    String name = displayName(meta);
    List<String> errors = dns1035LabelErrors(name);
    if (!errors.isEmpty()) {
      out.warn("Invalid " + typeName + " resource name: '" + name + "'. It does not conform to the DNS"
          + " format (RFC 1035). This is deprecated. Errors: " + String.join("; ", errors));
    }
  }

  /** Kuma's {@code model.GetDisplayName}: the display-name label when non-empty, else the name. */
  public static String displayName(ResourceMeta meta) {
    String label = meta.label(DISPLAY_NAME_LABEL);
    return label == null || label.isEmpty() ? meta.name() : label;
  }

  /** Kubernetes' {@code IsDNS1035Label}: empty when {@code value} is a valid label. */
  public static List<String> dns1035LabelErrors(String value) {
    List<String> errors = new ArrayList<>();
    if (value.length() > DNS1035_MAX_LENGTH) {
      errors.add("must be no more than " + DNS1035_MAX_LENGTH + " characters");
    }
    if (!DNS1035.matcher(value).matches()) {
      errors.add("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with"
          + " an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or"
          + " 'abc-123', regex used for validation is '" + DNS1035_FORMAT + "')");
    }
    return errors;
  }
}
