package org.kumaj.model.hostnamegenerator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.kumaj.model.Kri;
import org.kumaj.model.ResourceMeta;

/**
 * The name checks Kuma's new-style types share: Kubernetes' DNS-1035 and RFC 1123 label rules
 * (with the apimachinery messages) and Kuma's display name. Subdomains, IPs and host names are
 * checked with {@link org.kumaj.model.policies.core.K8sNames} and
 * {@link org.kumaj.model.policies.core.GoValidator}. Stateless.
 */
public final class Naming {
  private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile(DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*");
  private static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);

  private Naming() {}

  /** Kuma's {@code GetDisplayName}: the {@code kuma.io/display-name} label, else the name. */
  public static String displayName(ResourceMeta meta) {
    String label = meta.label(Kri.DISPLAY_NAME_LABEL);
    return label == null || label.isEmpty() ? meta.name() : label;
  }

  /** apimachinery's {@code IsDNS1035Label}: the reasons {@code value} is not one (empty if it is). */
  public static List<String> dns1035Label(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > 63) {
      errs.add(maxLenError(63));
    }
    if (!DNS1035_LABEL.matcher(value).matches()) {
      errs.add(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or "
          + "'-', start with an alphabetic character, and end with an alphanumeric character",
          DNS1035_LABEL_FMT, "my-name", "abc-123"));
    }
    return errs;
  }

  /** apimachinery's {@code IsDNS1123Label}. */
  public static List<String> dns1123Label(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > 63) {
      errs.add(maxLenError(63));
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      if (DNS1123_SUBDOMAIN.matcher(value).matches()) {
        errs.add("must not contain dots");
      } else {
        errs.add(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric "
            + "characters or '-', and must start and end with an alphanumeric character",
            DNS1123_LABEL_FMT, "my-name", "123-abc"));
      }
    }
    return errs;
  }

  private static int byteLength(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String maxLenError(int length) {
    return "must be no more than " + length + " characters";
  }

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
