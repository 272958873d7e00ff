package org.kumaj.model.mesh;

import static org.kumaj.model.mesh.MeshValidator.orEmpty;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kumaj.model.system.DataSource;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.Violations;

/**
 * The Mesh checks Kuma's mesh manager runs on create and update, besides {@code Mesh.Validate}:
 * name length, installed CA plugins, each backend's conf and the ban on switching CA while mTLS is
 * on. The conf of a backend is checked by a {@link BackendCheck}: {@link #STRUCTURAL} covers what
 * needs nothing but the document (the builtin CA's name rules, the provided CA's source shape); the
 * control plane's CA code adds what needs the store or the key material. Stateless.
 */
public final class MeshManagerChecks {
  private static final int MAX_BUILTIN_BACKEND_NAME = 255;

  /** Checks one backend's conf; violations go below {@code conf}, the backend's conf path. */
  @FunctionalInterface
  public interface BackendCheck {
    void check(String meshName, CertificateAuthorityBackend backend, FieldPath conf, Violations out);
  }

  /** The checks that need only the document, per Kuma's builtin and provided plugins. */
  public static final BackendCheck STRUCTURAL = (meshName, backend, conf, out) -> {
    if (CertificateAuthorityBackend.BUILTIN.equals(backend.type())) {
      validateBuiltin(conf, meshName, backend, out);
    } else if (CertificateAuthorityBackend.PROVIDED.equals(backend.type())) {
      validateProvided(conf, backend, out);
    }
  };

  private MeshManagerChecks() {}

  /** Kuma's {@code ValidateCreate}. */
  public static void validateCreate(String name, Mesh mesh, Set<String> installedCaTypes, BackendCheck check,
      Violations out) {
    if (name.length() > 63) {
      out.add("name", "cannot be longer than 63 characters");
    }
    validateMtlsBackends(name, mesh, installedCaTypes, check, out);
  }

  /** Kuma's {@code ValidateUpdate}. */
  public static void validateUpdate(String name, Mesh previous, Mesh next, Set<String> installedCaTypes,
      BackendCheck check, Violations out) {
    if (previous.mtlsEnabled() && next.mtlsEnabled()
        && !previous.mtls().enabledBackend().equals(next.mtls().enabledBackend())) {
      out.add("mtls.enabledBackend", "Changing CA when mTLS is enabled is forbidden. Disable mTLS first"
          + " and then change the CA");
    }
    validateMtlsBackends(name, next, installedCaTypes, check, out);
  }

  /**
   * Kuma's {@code ValidateMTLSBackends}: every backend's type is installed and, unless
   * {@code mtls.skipValidation}, its conf passes {@code check}.
   */
  public static void validateMtlsBackends(String meshName, Mesh mesh, Set<String> installedCaTypes,
      BackendCheck check, Violations out) {
    if (mesh.mtls() == null) {
      return;
    }
    FieldPath path = FieldPath.of("mtls").field("backends");
    List<CertificateAuthorityBackend> backends = orEmpty(mesh.mtls().backends());
    for (int i = 0; i < backends.size(); i++) {
      CertificateAuthorityBackend backend = backends.get(i);
      if (!installedCaTypes.contains(orEmpty(backend.type()))) {
        out.add(path.index(i).field("type"), "could not find installed plugin for this type");
        return;
      }
      if (!Boolean.TRUE.equals(mesh.mtls().skipValidation())) {
        check.check(meshName, backend, path.index(i).field("conf"), out);
      }
    }
  }

  private static void validateBuiltin(FieldPath conf, String meshName, CertificateAuthorityBackend backend,
      Violations out) {
    try {
      backend.builtinConfig();
    } catch (IllegalArgumentException e) {
      out.add(conf, "could not convert backend config: " + e.getMessage());
    }
    String secretName = meshName + ".ca-builtin-cert-" + orEmpty(backend.name());
    FieldPath namePath = conf.field("mtls").field("backends").field("name");
    if (secretName.length() > MAX_BUILTIN_BACKEND_NAME) {
      out.add(namePath, "Backend name is too long. Max length: " + MAX_BUILTIN_BACKEND_NAME);
    }
    if (!GoNet.isDnsName(secretName) || !secretName.equals(secretName.toLowerCase(Locale.ROOT))) {
      out.add(namePath, GoStrings.quote(orEmpty(backend.name())) + " name must be valid dns name");
    }
  }

  private static void validateProvided(FieldPath conf, CertificateAuthorityBackend backend, Violations out) {
    CertificateAuthorityBackend.ProvidedConfig cfg;
    try {
      cfg = backend.providedConfig();
    } catch (IllegalArgumentException e) {
      out.add(conf, "could not convert backend config: " + e.getMessage());
      return;
    }
    if (cfg.cert() == null) {
      out.add(conf.field("cert"), "has to be defined");
    } else {
      DataSource.validateChosen(conf.field("cert"), cfg.cert(), out);
    }
    if (cfg.key() == null) {
      out.add(conf.field("key"), "has to be defined");
    } else {
      DataSource.validateChosen(conf.field("key"), cfg.key(), out);
    }
  }
}
