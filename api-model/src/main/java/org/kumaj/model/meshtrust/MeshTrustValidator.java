package org.kumaj.model.meshtrust;

import java.util.List;
import java.util.Set;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.Checks;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's MeshTrust rules: at least one CA bundle, each a PEM certificate (not a private key), and
 * a trust domain of at most 253 characters; warns when the deprecated {@code spec.origin} is set.
 */
final class MeshTrustValidator implements SpecValidator<MeshTrust> {
  private static final Set<String> PRIVATE_KEY_TYPES = Set.of("PRIVATE KEY", "RSA PRIVATE KEY",
      "EC PRIVATE KEY", "DSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY");

  @Override
  public void validate(ResourceMeta meta, MeshTrust spec, Violations out) {
    FieldPath path = FieldPath.of("spec");
    validateCaBundles(path.field("caBundles"), spec.caBundles(), out);
    String trustDomain = spec.trustDomain() == null ? "" : spec.trustDomain();
    if (trustDomain.isEmpty()) {
      out.add(path.field("trustDomain"), "trustDomain needs to be defined");
    }
    Checks.maxLength(path.field("trustDomain"), 253, trustDomain, out);
    if (spec.origin() != null) {
      out.warn("setting spec.origin field is deprecated");
    }
  }

  private static void validateCaBundles(FieldPath path, List<CaBundle> bundles, Violations out) {
    if (bundles == null || bundles.isEmpty()) {
      out.add(path, Messages.MUST_NOT_BE_EMPTY);
      return;
    }
    for (int i = 0; i < bundles.size(); i++) {
      CaBundle bundle = bundles.get(i) == null ? new CaBundle(null, null) : bundles.get(i);
      String type = bundle.type() == null ? "" : bundle.type();
      if (type.equals(CaBundle.PEM)) {
        FieldPath pemPath = path.index(i).field("pem");
        if (bundle.pem() == null) {
          out.add(pemPath, Messages.MUST_BE_DEFINED);
        } else if (!isPemCertificate(bundle.pem().value())) {
          out.add(pemPath.field("value"), "provided certificate has incorrect format");
        }
      } else {
        // Kuma reports the wrong type on the list, not on the element
        out.add(path.field("type"), Messages.mustBeOneOf(type, CaBundle.PEM));
      }
    }
  }

  private static boolean isPemCertificate(String value) {
    String type = PemBlocks.firstBlockType(value == null ? "" : value);
    return type != null && !PRIVATE_KEY_TYPES.contains(type);
  }
}
