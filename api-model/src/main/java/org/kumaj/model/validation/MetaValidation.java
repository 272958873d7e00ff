package org.kumaj.model.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceType;

/**
 * Kuma's rules for resource metadata: the name is an RFC 1123 subdomain of at most 253 characters,
 * the mesh keeps its older character set, and label keys and values follow Kubernetes' rules (with
 * Kubernetes' messages, which Kuma passes through). Stateless.
 */
public final class MetaValidation {
  private static final Pattern IDENTIFIER =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final String IDENTIFIER_MSG = "invalid characters. A lowercase RFC 1123 subdomain must "
      + "consist of lower case alphanumeric characters, '-' or '.', and must start and end with an "
      + "alphanumeric character";
  private static final Pattern MESH = Pattern.compile("^[0-9a-z-_.]*$");
  private static final String MESH_MSG =
      "invalid characters. Valid characters are numbers, lowercase latin letters and '-', '_', '.' symbols.";

  private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final Pattern QUALIFIED_NAME = Pattern.compile("^" + QUALIFIED_NAME_FMT + "$");
  private static final String QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', "
      + "and must start and end with an alphanumeric character";
  private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  private static final Pattern LABEL_VALUE = Pattern.compile("^" + LABEL_VALUE_FMT + "$");
  private static final String LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric "
      + "characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  private static final String DNS1123_SUBDOMAIN_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile("^" + DNS1123_SUBDOMAIN_FMT + "$");
  private static final String DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case "
      + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

  private MetaValidation() {}

  /** Kuma's {@code ValidateMeta}: name, and mesh for mesh-scoped types. */
  public static void meta(ResourceType type, ResourceMeta meta, Violations out) {
    identifier(FieldPath.of("name"), meta.name(), IDENTIFIER, IDENTIFIER_MSG, out);
    if (type.isMeshScoped()) {
      identifier(FieldPath.of("mesh"), meta.mesh() == null ? "" : meta.mesh(), MESH, MESH_MSG, out);
    }
  }

  private static void identifier(FieldPath path, String value, Pattern pattern, String msg, Violations out) {
    if (value.isEmpty()) {
      out.add(path, "cannot be empty");
    } else if (value.length() > 253) {
      out.add(path, "value length must less or equal 253");
    } else if (!pattern.matcher(value).matches()) {
      out.add(path, msg);
    }
  }

  /** Every label key must be a qualified name and every value a valid label value. */
  public static void labels(Map<String, String> labels, Violations out) {
    labels.keySet().stream().sorted().forEach(key -> {
      FieldPath path = FieldPath.of("labels").key(key);
      for (String problem : qualifiedName(key)) {
        out.add(path, problem);
      }
      for (String problem : labelValue(labels.get(key))) {
        out.add(path, problem);
      }
    });
  }

  /** Kubernetes' {@code IsQualifiedName} messages for {@code value}. */
  static List<String> qualifiedName(String value) {
    List<String> errs = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      String prefix = parts[0];
      name = parts[1];
      if (prefix.isEmpty()) {
        errs.add("prefix part must be non-empty");
      } else {
        for (String m : dns1123Subdomain(prefix)) {
          errs.add("prefix part " + m);
        }
      }
    } else {
      errs.add("a valid label key " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
          + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errs;
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (name.length() > 63) {
      errs.add("name part must be no more than 63 characters");
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      errs.add("name part " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  /** Kubernetes' {@code IsValidLabelValue} messages for {@code value}. */
  static List<String> labelValue(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > 63) {
      errs.add("must be no more than 63 characters");
    }
    if (!LABEL_VALUE.matcher(value).matches()) {
      errs.add(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  private static List<String> dns1123Subdomain(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > 253) {
      errs.add("must be no more than 253 characters");
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      errs.add(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  /** Kubernetes' {@code RegexError}, including its odd double spaces. */
  private static String regexError(String msg, String fmt, String... examples) {
    StringBuilder sb = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        sb.append(" or ");
      }
      sb.append('\'').append(examples[i]).append("', ");
    }
    return sb.append("regex used for validation is '").append(fmt).append("')").toString();
  }
}
