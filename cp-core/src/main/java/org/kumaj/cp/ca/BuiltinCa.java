package org.kumaj.cp.ca;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.store.ResourceAlreadyExistsException;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.mesh.CertificateAuthorityBackend;
import org.kumaj.model.mesh.MeshManagerChecks;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.system.Secret;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.ValidationException;
import org.kumaj.model.validation.Violations;
import org.kumaj.pki.KeyAndCertificate;
import org.kumaj.pki.KeyType;
import org.kumaj.pki.MeshCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kuma's builtin CA plugin ({@code pkg/plugins/ca/builtin}): a generated root CA kept as two
 * Secrets of the mesh, {@code <mesh>.ca-builtin-cert-<backend>} and
 * {@code <mesh>.ca-builtin-key-<backend>} (data: base64 of the PEM), owned by the mesh.
 *
 * <p>A bean shared by {@link CaManager} and {@link MeshCaHook}, so that creating a mesh's CAs is
 * serialised per mesh in this process: a caller that finds the CA half-written waits for the writer
 * instead of failing. Thread-safe.
 */
@Singleton
final class BuiltinCa {
  private static final Logger LOG = LoggerFactory.getLogger("ca.builtin");

  private final MeshCertificates certificates;
  private final KeyType keyType;
  private final boolean federatedZone;
  private final ConcurrentHashMap<String, Object> meshLocks = new ConcurrentHashMap<>();

  @Inject
  BuiltinCa(Clock clock, KumaConfig config) {
    this(clock, CaSettings.of(config));
  }

  BuiltinCa(Clock clock, CaSettings settings) {
    this.certificates = new MeshCertificates(clock);
    this.keyType = settings.keyType();
    this.federatedZone = settings.federatedZone();
  }

  static String certSecretName(String mesh, String backend) {
    return mesh + ".ca-builtin-cert-" + backend;
  }

  static String keySecretName(String mesh, String backend) {
    return mesh + ".ca-builtin-key-" + backend;
  }

  /**
   * Kuma's builtin {@code ValidateBackend} ({@link MeshManagerChecks#STRUCTURAL}), plus checks of
   * what generation needs (the expiration and key size), with violations below {@code conf} (the
   * backend's {@code conf} path).
   */
  static void validate(String mesh, CertificateAuthorityBackend backend, FieldPath conf, Violations out) {
    Violations structural = new Violations();
    MeshManagerChecks.STRUCTURAL.check(mesh, backend, conf, structural);
    out.addAll(structural);
    CertificateAuthorityBackend.BuiltinConfig config;
    try {
      config = backend.builtinConfig();
    } catch (IllegalArgumentException reportedAbove) {
      return;
    }
    CertificateAuthorityBackend.CaCert caCert = config.caCert();
    if (caCert != null && caCert.expiration() != null && !caCert.expiration().isEmpty()) {
      try {
        if (KumaDurations.parse(caCert.expiration()).isZero()) {
          out.add(conf.field("caCert").field("expiration"), "must be greater than 0");
        }
      } catch (IllegalArgumentException e) {
        out.add(conf.field("caCert").field("expiration"), e.getMessage());
      }
    }
    if (caCert != null && caCert.rsaBits() != null && caCert.rsaBits() != 0
        && caCert.rsaBits() < KeyType.MIN_RSA_BITS) {
      out.add(conf.field("caCert").field("RSAbits"), "must be at least " + KeyType.MIN_RSA_BITS);
    }
  }

  /**
   * Creates the root CA of every builtin backend of {@code mesh} that has none yet (every backend,
   * enabled or not, as Kuma's {@code EnsureCAs}); nothing on a federated zone, whose CA secrets come
   * from the global CP. Serialised per mesh.
   *
   * @return whether a CA was created
   * @throws ValidationException when a builtin backend's conf cannot produce a CA
   * @throws CaException when a CA is half there (certificate without key)
   */
  boolean ensureAll(ResourceManager manager, Resource mesh) {
    if (federatedZone || !(mesh.spec() instanceof Mesh spec) || spec.mtls() == null || spec.mtls().backends() == null) {
      return false;
    }
    String meshName = mesh.meta().name();
    List<CertificateAuthorityBackend> backends = spec.mtls().backends();
    Violations violations = new Violations();
    for (int i = 0; i < backends.size(); i++) {
      if (CertificateAuthorityBackend.BUILTIN.equals(backends.get(i).type())) {
        validate(meshName, backends.get(i), confPath(i), violations);
      }
    }
    violations.throwIfAny();
    synchronized (meshLocks.computeIfAbsent(meshName, m -> new Object())) {
      boolean created = false;
      for (int i = 0; i < backends.size(); i++) {
        CertificateAuthorityBackend backend = backends.get(i);
        if (CertificateAuthorityBackend.BUILTIN.equals(backend.type())) {
          try {
            created |= ensure(manager, mesh, backend);
          } catch (IllegalArgumentException e) {
            throw ValidationException.of(confPath(i).toString(), "could not create the CA: " + e.getMessage());
          }
        } else if (!CaManager.TYPES.contains(backend.type())) {
          LOG.warn("mesh {}: CA backend {} has the unknown type \"{}\"; no CA is created for it",
              meshName, backend.name(), backend.type());
        }
      }
      return created;
    }
  }

  /** {@code mtls.backends[<index>].conf}, where Kuma reports backend conf problems. */
  static FieldPath confPath(int index) {
    return FieldPath.of("mtls").field("backends").index(index).field("conf");
  }

  /**
   * Creates the CA Secrets of {@code backend} unless both exist (Kuma's {@code EnsureBackends}).
   * When another writer creates the certificate Secret first, its key is left to that writer, so a
   * certificate and a key of two different generations never meet.
   *
   * @return whether this call created the CA
   * @throws IllegalArgumentException when the backend conf cannot produce a CA (validate first)
   */
  private boolean ensure(ResourceManager manager, Resource mesh, CertificateAuthorityBackend backend) {
    String meshName = mesh.meta().name();
    ResourceKey certKey = new ResourceKey(Secret.TYPE, meshName, certSecretName(meshName, backend.name()));
    ResourceKey keyKey = new ResourceKey(Secret.TYPE, meshName, keySecretName(meshName, backend.name()));
    boolean hasCert = manager.get(certKey).isPresent();
    boolean hasKey = manager.get(keyKey).isPresent();
    if (hasCert && hasKey) {
      return false;
    }
    if (hasCert) {
      throw new CaException("the CA of mesh \"" + meshName + "\" backend \"" + backend.name()
          + "\" is incomplete: Secret " + keyKey.name() + " is missing; delete Secret " + certKey.name()
          + " to generate a new CA");
    }
    KeyAndCertificate ca = generate(meshName, backend.builtinConfig().caCert());
    try {
      manager.create(secret(meshName, certKey.name(), ca.certificatePem()));
    } catch (ResourceAlreadyExistsException raced) {
      LOG.debug("CA certificate of mesh {} backend {} was created by another writer", meshName, backend.name());
      return false;
    }
    try {
      manager.create(secret(meshName, keyKey.name(), ca.keyPem()));
    } catch (ResourceAlreadyExistsException raced) {
      LOG.debug("CA key of mesh {} backend {} already exists", meshName, backend.name());
    }
    LOG.info("CA created: mesh={} backend={} notAfter={}", meshName, backend.name(),
        ca.certificate().getNotAfter().toInstant());
    return true;
  }

  /**
   * The stored CA of {@code backend}: certificate PEM and signing pair.
   *
   * @throws CaException Kuma's {@code failed to load CA key pair for Mesh ...} when a Secret is
   *     missing or broken
   */
  static LoadedCa load(ResourceManager manager, String mesh, CertificateAuthorityBackend backend) {
    try {
      String cert = new String(DataSources.secret(manager, mesh, certSecretName(mesh, backend.name())), StandardCharsets.UTF_8);
      String key = new String(DataSources.secret(manager, mesh, keySecretName(mesh, backend.name())), StandardCharsets.UTF_8);
      return new LoadedCa(cert, ParsedCas.parse(cert, key));
    } catch (CaException | IllegalArgumentException e) {
      throw new CaException("failed to load CA key pair for Mesh \"" + mesh + "\" and backend \"" + backend.name()
          + "\": " + e.getMessage(), e);
    }
  }

  /** Both Secret names, as Kuma's {@code UsedSecrets}. */
  static List<String> usedSecrets(String mesh, CertificateAuthorityBackend backend) {
    return List.of(certSecretName(mesh, backend.name()), keySecretName(mesh, backend.name()));
  }

  private KeyAndCertificate generate(String mesh, CertificateAuthorityBackend.CaCert caCert) {
    Duration validity = null;
    if (caCert != null && caCert.expiration() != null && !caCert.expiration().isEmpty()) {
      validity = KumaDurations.parse(caCert.expiration());
    }
    int rsaBits = caCert == null || caCert.rsaBits() == null || caCert.rsaBits() == 0
        ? KeyType.DEFAULT_RSA_BITS : caCert.rsaBits();
    KeyPair keys = keyType == KeyType.RSA ? KeyType.rsa(rsaBits) : keyType.generate();
    return certificates.rootCa(mesh, keys, validity);
  }

  private static Resource secret(String mesh, String name, String pem) {
    String data = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    return new Resource(Secret.TYPE, ResourceMeta.of(mesh, name, null), new Secret(data));
  }
}
