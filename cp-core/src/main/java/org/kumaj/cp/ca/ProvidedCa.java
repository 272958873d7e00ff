package org.kumaj.cp.ca;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.model.mesh.CertificateAuthorityBackend;
import org.kumaj.model.mesh.MeshManagerChecks;
import org.kumaj.model.system.DataSource;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Violations;
import org.kumaj.pki.KeyAndCertificate;
import org.kumaj.pki.Pem;

/**
 * Kuma's provided CA plugin ({@code pkg/plugins/ca/provided}): the user's CA certificate and key,
 * read from the data sources ({@code secret}, {@code file}, {@code inline}, {@code inlineString})
 * named in the backend conf ({@code cert}, {@code key}). Nothing is created. Stateless.
 */
final class ProvidedCa {
  private ProvidedCa() {}

  /**
   * Kuma's provided {@code ValidateBackend}: both sources chosen, loadable, a matching pair, and every
   * certificate a CA (X509-SVID rules). Violations go below {@code conf}.
   */
  static void validate(ResourceManager manager, String mesh, CertificateAuthorityBackend backend,
      FieldPath conf, Violations out) {
    Violations structural = new Violations();
    MeshManagerChecks.STRUCTURAL.check(mesh, backend, conf, structural);
    out.addAll(structural);
    if (!structural.isEmpty()) {
      return;
    }
    CertificateAuthorityBackend.ProvidedConfig config = backend.providedConfig();
    String certPem;
    String keyPem;
    try {
      keyPem = DataSources.load(manager, mesh, config.key());
      certPem = DataSources.load(manager, mesh, config.cert());
    } catch (CaException e) {
      out.add(conf.field("cert"), e.getMessage());
      out.add(conf.field("key"), e.getMessage());
      return;
    }
    validateCaCert(certPem, keyPem, conf, out);
  }

  /**
   * Kuma's {@code ValidateCaCert}: a matching pair, and each certificate a CA that may sign
   * certificates and has no keyAgreement usage.
   */
  static void validateCaCert(String certPem, String keyPem, FieldPath conf, Violations out) {
    try {
      KeyAndCertificate.parse(certPem, keyPem);
    } catch (IllegalArgumentException e) {
      out.add(conf.field("cert"), "not a valid TLS key pair: " + e.getMessage());
      return;
    }
    List<X509Certificate> chain = Pem.certificates(certPem);
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate cert = chain.get(i);
      FieldPath at = conf.field("cert").index(i);
      if (cert.getBasicConstraints() < 0) {
        out.add(at, "basic constraint 'CA' must be set to 'true' (see X509-SVID: 4.1. Basic Constraints)");
      }
      boolean[] usage = cert.getKeyUsage();
      if (usage == null || !usage[5]) {
        out.add(at, "key usage extension 'keyCertSign' must be set (see X509-SVID: 4.3. Key Usage)");
      }
      if (usage != null && usage[4]) {
        out.add(at, "key usage extension 'keyAgreement' must NOT be set (see X509-SVID: Appendix A. X.509 Field Reference)");
      }
    }
  }

  /**
   * The CA of {@code backend}.
   *
   * @throws CaException Kuma's {@code failed to load CA key pair for Mesh ...} when a source cannot
   *     be read, or the pair does not match or is no CA
   */
  static LoadedCa load(ResourceManager manager, String mesh, CertificateAuthorityBackend backend) {
    try {
      CertificateAuthorityBackend.ProvidedConfig config = backend.providedConfig();
      String keyPem = DataSources.load(manager, mesh, config.key());
      String certPem = DataSources.load(manager, mesh, config.cert());
      Violations problems = new Violations();
      validateCaCert(certPem, keyPem, FieldPath.root(), problems);
      if (!problems.isEmpty()) {
        throw new CaException(String.join("; ", problems.list().stream()
            .map(v -> v.field() + ": " + v.message()).toList()));
      }
      return new LoadedCa(certPem, KeyAndCertificate.parse(certPem, keyPem));
    } catch (CaException | IllegalArgumentException e) {
      throw new CaException("failed to load CA key pair for Mesh \"" + mesh + "\" and backend \"" + backend.name()
          + "\": " + e.getMessage(), e);
    }
  }

  /** The Secrets the sources name, as Kuma's {@code UsedSecrets}. */
  static List<String> usedSecrets(CertificateAuthorityBackend backend) {
    List<String> secrets = new ArrayList<>();
    try {
      CertificateAuthorityBackend.ProvidedConfig config = backend.providedConfig();
      for (DataSource source : new DataSource[] {config.cert(), config.key()}) {
        if (source != null && source.secret() != null && !source.secret().isEmpty()) {
          secrets.add(source.secret());
        }
      }
    } catch (IllegalArgumentException e) {
      // a conf that does not parse names no secrets
    }
    return secrets;
  }
}
