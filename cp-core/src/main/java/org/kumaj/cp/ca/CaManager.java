package org.kumaj.cp.ca;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.mesh.CertificateAuthorityBackend;
import org.kumaj.model.mesh.MeshManagerChecks;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.system.Secret;
import org.kumaj.model.validation.ValidationException;
import org.kumaj.model.validation.Violations;

/**
 * The CA backends of meshes' mTLS (Kuma's {@code ca.Managers}): {@code builtin} (a generated root CA
 * stored as Secrets {@code <mesh>.ca-builtin-cert-<backend>} and {@code <mesh>.ca-builtin-key-<backend>},
 * owned by the mesh) and {@code provided} (the user's CA from the data sources of the backend conf).
 *
 * <p>{@link #ensureBackends} creates missing builtin CAs; it runs for every new mesh (through a
 * mesh-created hook) and every mesh update (through the mesh write check, before the update is
 * stored, e.g. mTLS switched on later);
 * {@link IdentityIssuer} also creates a missing CA of an enabled builtin backend before its first
 * certificate. On a zone CP under a global one nothing is created: CA secrets come from the global CP.
 *
 * <p>Thread-safe: creation is serialised per mesh in this process; between control planes the
 * store decides the winner, and the loser leaves the winner's CA alone.
 */
@Singleton
public final class CaManager {
  /** Kuma's backend type names. */
  public static final List<String> TYPES = List.of(CertificateAuthorityBackend.BUILTIN, CertificateAuthorityBackend.PROVIDED);

  private final ResourceManager manager;
  private final BuiltinCa builtin;

  @Inject
  CaManager(ResourceManager manager, BuiltinCa builtin) {
    this.manager = manager;
    this.builtin = builtin;
  }

  CaManager(ResourceManager manager, Clock clock, CaSettings settings) {
    this(manager, new BuiltinCa(clock, settings));
  }

  /** Name of the Secret holding the certificate PEM of builtin backend {@code backend}. */
  public static String builtinCertSecretName(String mesh, String backend) {
    return BuiltinCa.certSecretName(mesh, backend);
  }

  /** Name of the Secret holding the private key PEM of builtin backend {@code backend}. */
  public static String builtinKeySecretName(String mesh, String backend) {
    return BuiltinCa.keySecretName(mesh, backend);
  }

  /**
   * Creates the root CA of every builtin backend of {@code mesh} that has none yet (every backend,
   * enabled or not, as Kuma's {@code EnsureCAs}). Idempotent; other backend types need nothing.
   *
   * @return whether a CA was created
   * @throws ValidationException when a builtin backend's conf cannot produce a CA (field paths as
   *     in Kuma's mesh validation)
   * @throws CaException when a CA is half there (certificate without key)
   */
  public boolean ensureBackends(Resource mesh) {
    return builtin.ensureAll(manager, mesh);
  }

  /**
   * Kuma's mesh-manager checks of a new mesh ({@code ValidateCreate}): its name length and
   * {@code ValidateMTLSBackends}, i.e. every backend has a known type and, unless
   * {@code mtls.skipValidation}, a usable conf (for {@code provided}: loadable sources holding a CA
   * and its key). Paths as Kuma's: {@code mtls.backends[0].conf.cert}, ...
   *
   * @param meshName the mesh name (the provided sources' Secrets live in it)
   */
  public Violations validate(String meshName, Mesh mesh) {
    return validate(manager, meshName, null, mesh);
  }

  /**
   * {@link #validate(String, Mesh)} for a create ({@code previous} null) or an update, which also
   * refuses a change of the enabled backend while mTLS is on ({@code ValidateUpdate}).
   */
  static Violations validate(ResourceManager manager, String meshName, Mesh previous, Mesh mesh) {
    Violations out = new Violations();
    Set<String> installed = Set.copyOf(TYPES);
    MeshManagerChecks.BackendCheck check = (name, backend, conf, violations) -> {
      if (CertificateAuthorityBackend.BUILTIN.equals(backend.type())) {
        BuiltinCa.validate(name, backend, conf, violations);
      } else {
        ProvidedCa.validate(manager, name, backend, conf, violations);
      }
    };
    if (previous == null) {
      MeshManagerChecks.validateCreate(meshName, mesh, installed, check, out);
    } else {
      MeshManagerChecks.validateUpdate(meshName, previous, mesh, installed, check, out);
    }
    return out;
  }

  /**
   * The CA certificates (PEM) proxies of {@code mesh} trust for {@code backend} (Kuma's
   * {@code GetRootCert}).
   *
   * @throws CaException when the backend's CA cannot be read or its type is unknown
   */
  public List<String> rootCertificates(String mesh, CertificateAuthorityBackend backend) {
    return List.of(load(mesh, backend).certificatePem());
  }

  /** The Secrets {@code backend} reads (Kuma's {@code UsedSecrets}); empty for an unknown type. */
  public List<String> usedSecrets(String mesh, CertificateAuthorityBackend backend) {
    if (CertificateAuthorityBackend.BUILTIN.equals(backend.type())) {
      return BuiltinCa.usedSecrets(mesh, backend);
    }
    return CertificateAuthorityBackend.PROVIDED.equals(backend.type()) ? ProvidedCa.usedSecrets(backend) : List.of();
  }

  /**
   * The CA of the enabled backend of {@code mesh}, ready to sign; a builtin CA that does not exist yet
   * (a mesh that just switched mTLS on) is created first.
   *
   * @throws CaException when it cannot be read or created, or its type is unknown
   */
  LoadedCa loadOrCreate(Resource mesh, CertificateAuthorityBackend backend) {
    String meshName = mesh.meta().name();
    if (CertificateAuthorityBackend.BUILTIN.equals(backend.type())
        && manager.get(new ResourceKey(Secret.TYPE, meshName, builtinKeySecretName(meshName, backend.name()))).isEmpty()) {
      try {
        builtin.ensureAll(manager, mesh);
      } catch (ValidationException e) {
        throw new CaException(e.violations().stream().map(v -> v.field() + ": " + v.message())
            .collect(java.util.stream.Collectors.joining("; ")), e);
      }
    }
    return load(meshName, backend);
  }

  /**
   * The CA of {@code backend} in {@code mesh}, ready to sign.
   *
   * @throws CaException when it cannot be read or its type is unknown
   */
  LoadedCa load(String mesh, CertificateAuthorityBackend backend) {
    if (CertificateAuthorityBackend.BUILTIN.equals(backend.type())) {
      return BuiltinCa.load(manager, mesh, backend);
    }
    if (CertificateAuthorityBackend.PROVIDED.equals(backend.type())) {
      return ProvidedCa.load(manager, mesh, backend);
    }
    throw new CaException("CA manager of type " + backend.type() + " not exist");
  }
}
