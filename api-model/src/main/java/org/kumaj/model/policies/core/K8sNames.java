package org.kumaj.model.policies.core;

import java.util.ArrayList;
import java.util.List;

/** Kubernetes' name checks ({@code k8s.io/apimachinery/pkg/util/validation}) with their messages. */
public final class K8sNames {
  private static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
  private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_SUBDOMAIN_FMT =
      DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  private static final String DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of"
      + " lower case alphanumeric characters, '-' or '.', and must start and end with an"
      + " alphanumeric character";

  private K8sNames() {}

  /** {@code IsDNS1123Subdomain}: the reasons {@code value} is not one, empty when it is. */
  public static List<String> dns1123SubdomainErrors(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add("must be no more than " + DNS1123_SUBDOMAIN_MAX_LENGTH + " characters");
    }
    if (!isDns1123Subdomain(value)) {
      errs.add(DNS1123_SUBDOMAIN_MSG + " (e.g. 'example.com', regex used for validation is '"
          + DNS1123_SUBDOMAIN_FMT + "')");
    }
    return errs;
  }

  private static boolean isDns1123Subdomain(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (String label : value.split("\\.", -1)) {
      if (label.isEmpty() || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
          return false;
        }
      }
    }
    return true;
  }
}
