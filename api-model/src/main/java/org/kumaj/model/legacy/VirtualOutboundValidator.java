package org.kumaj.model.legacy;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.hostnamegenerator.GoTemplate;
import org.kumaj.model.hostnamegenerator.GoTemplateException;
import org.kumaj.model.mesh.TagChecks;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's VirtualOutbound rules, including the dry run of the host and port templates with
 * placeholder tag values.
 */
final class VirtualOutboundValidator implements SpecValidator<VirtualOutbound> {
  private static final Pattern TAG_NAME = Pattern.compile("[a-zA-Z0-9.\\-_:/]*");
  private static final Pattern PARAMETER_NAME = Pattern.compile("[a-zA-Z0-9]+");
  /** govalidator's {@code DNSName}. */
  private static final Pattern DNS_NAME = Pattern.compile(
      "([a-zA-Z0-9_][a-zA-Z0-9_-]{0,62})(\\.[a-zA-Z0-9_][a-zA-Z0-9_-]{0,62})*[._]?");
  private static final Pattern IPV4 =
      Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  @Override
  public void validate(ResourceMeta meta, VirtualOutbound spec, Violations out) {
    TagSelectors.validateSelectors(
        FieldPath.of("selectors"), spec.selectors(), TagSelectors.ANY_TAGS, out);
    FieldPath root = FieldPath.of("conf");
    VirtualOutbound.Conf conf = spec.conf();
    if (conf == null) {
      out.add(root, RetryValidator.HAS_TO_BE_DEFINED);
      return;
    }
    List<VirtualOutbound.TemplateParameter> parameters =
        conf.parameters() == null ? List.of() : conf.parameters();
    validateParameters(root.field("parameters"), parameters, out);
    validateHost(root.field("host"), conf.host(), parameters, out);
    validatePort(root.field("port"), conf.port(), parameters, out);
  }

  private static void validateParameters(FieldPath path,
      List<VirtualOutbound.TemplateParameter> parameters, Violations out) {
    boolean hasService = false;
    Set<String> names = new HashSet<>();
    for (int i = 0; i < parameters.size(); i++) {
      FieldPath at = path.index(i);
      String name = nameOf(parameters.get(i));
      String tagKey = tagKeyOf(parameters.get(i));
      if (!names.add(name)) {
        out.add(at.field("name"), "name is already used");
      }
      if (!tagKey.isEmpty()) {
        hasService |= tagKey.equals(TagChecks.SERVICE_TAG);
        if (!TAG_NAME.matcher(tagKey).matches()) {
          out.add(at.field("tagKey"), "must be a valid tag name");
        }
      } else if (!TAG_NAME.matcher(name).matches()) {
        out.add(at.field("name"), "must be a valid tag name if you are not setting tagKey");
      }
      if (!PARAMETER_NAME.matcher(name).matches()) {
        out.add(at.field("name"),
            "must consist of alphanumeric characters to be used as a gotemplate key");
      }
    }
    if (!hasService) {
      out.add(path, "must contain a parameter with " + TagChecks.SERVICE_TAG + " as a tagKey");
    }
  }

  private static void validateHost(FieldPath path, String host,
      List<VirtualOutbound.TemplateParameter> parameters, Violations out) {
    if (host == null || host.isEmpty()) {
      out.add(path, RetryValidator.HAS_TO_BE_DEFINED);
      return;
    }
    try {
      String result = evaluate(host, parameters, "dummy");
      if (!isDnsName(result)) {
        failed(path, "evaluation of template with parameters didn't return a valid dns name result="
            + GoStrings.quote(result), out);
      }
    } catch (TemplateFailure e) {
      failed(path, e.getMessage(), out);
    }
  }

  private static void validatePort(FieldPath path, String port,
      List<VirtualOutbound.TemplateParameter> parameters, Violations out) {
    if (port == null || port.isEmpty()) {
      out.add(path, RetryValidator.HAS_TO_BE_DEFINED);
      return;
    }
    try {
      String result = evaluate(port, parameters, "1");
      if (!INTEGER.matcher(result).matches() || new BigInteger(result).bitLength() > 63) {
        failed(path, "evaluation of template with parameters didn't evaluate to a parsable number "
            + "result=" + GoStrings.quote(result), out);
        return;
      }
      long value = Long.parseLong(result);
      if (value <= 0 || value > 65535) {
        failed(path, "evaluation of template returned a port outside of the range [1..65535] "
            + "result=" + value, out);
      }
    } catch (TemplateFailure e) {
      failed(path, e.getMessage(), out);
    }
  }

  private static void failed(FieldPath path, String error, Violations out) {
    out.add(path, "template pre evaluation failed with error=" + GoStrings.quote(error));
  }

  /**
   * Kuma's {@code evalTemplate} with every parameter's tag set to {@code tagValue}: the template
   * sees each parameter name bound to that value.
   */
  private static String evaluate(String template,
      List<VirtualOutbound.TemplateParameter> parameters, String tagValue)
      throws TemplateFailure {
    Map<String, String> entries = new HashMap<>();
    for (VirtualOutbound.TemplateParameter parameter : parameters) {
      entries.put(nameOf(parameter), tagValue);
    }
    GoTemplate parsed;
    try {
      parsed = GoTemplate.parse(template, Map.of());
    } catch (GoTemplateException e) {
      throw new TemplateFailure(
          "failed compiling gotemplate error=" + GoStrings.quote(e.getMessage()));
    }
    try {
      return parsed.execute(entries);
    } catch (GoTemplateException e) {
      throw new TemplateFailure("pre evaluation of template with parameters failed with error="
          + GoStrings.quote(e.getMessage()));
    }
  }

  /** govalidator's {@code IsDNSName}: a DNS name that is not an IP address. */
  static boolean isDnsName(String s) {
    if (s.isEmpty() || s.replace(".", "").getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        > 255) {
      return false;
    }
    return !isIpv4(s) && DNS_NAME.matcher(s).matches();
  }

  /** Go's {@code net.ParseIP} for dotted IPv4 (IPv6 never passes the DNS pattern anyway). */
  private static boolean isIpv4(String s) {
    if (!IPV4.matcher(s).matches()) {
      return false;
    }
    for (String part : s.split("\\.")) {
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static String nameOf(VirtualOutbound.TemplateParameter parameter) {
    return parameter == null || parameter.name() == null ? "" : parameter.name();
  }

  private static String tagKeyOf(VirtualOutbound.TemplateParameter parameter) {
    return parameter == null || parameter.tagKey() == null ? "" : parameter.tagKey();
  }

  /** The template failed; the message is Kuma's {@code evalTemplate} error text. */
  private static final class TemplateFailure extends Exception {
    private static final long serialVersionUID = 1L;

    TemplateFailure(String message) {
      super(message);
    }
  }
}
