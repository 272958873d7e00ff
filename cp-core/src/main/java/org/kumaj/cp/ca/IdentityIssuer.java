package org.kumaj.cp.ca;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.xds.IdentityMaterial;
import org.kumaj.cp.xds.ProxyId;
import org.kumaj.cp.xds.ProxyIdentities;
import org.kumaj.model.Resource;
import org.kumaj.model.mesh.CertificateAuthorityBackend;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.pki.KeyAndCertificate;
import org.kumaj.pki.KeyPool;
import org.kumaj.pki.KeySource;
import org.kumaj.pki.MeshCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and caches the identity certificates of data plane proxies (Kuma's
 * {@code pkg/xds/secrets}). A proxy keeps its certificate until one of these happens, then the next
 * {@link #issue} generates a new one:
 *
 * <ul>
 *   <li>4/5 of its lifetime has elapsed (Kuma's {@code ExpiringSoon});
 *   <li>the proxy's tags changed;
 *   <li>the mesh's CA backend changed: another enabled backend, or the same name with another type,
 *       conf or {@code dpCert} (switching {@code mode} STRICT/PERMISSIVE needs no new certificate),
 *       or the mesh was deleted and created again.
 * </ul>
 *
 * <p>A failed generation is not retried before a backoff has passed: 5 s after the first failure,
 * doubling up to 5 min ({@code general.certGenerationBaseBackoff}, {@code
 * general.certGenerationMaxBackoff}); calls meanwhile fail fast without touching the CA. Identity
 * keys are RSA 2048 as Kuma's (or ECDSA P-256), taken from a background {@link KeyPool} once the
 * first certificate is asked for.
 *
 * <p>Thread-safe: different proxies are served in parallel; calls for the same proxy are serialised.
 * Call {@link #forget} when a proxy disconnects.
 */
@Singleton
public final class IdentityIssuer implements ProxyIdentities, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("xds.secrets");

  private final CaManager cas;
  private final Clock clock;
  private final CaSettings settings;
  private final MeshCertificates certificates;
  private final ConcurrentHashMap<ProxyId, Slot> slots = new ConcurrentHashMap<>();
  private final AtomicLong generated = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Object keysLock = new Object();
  private volatile KeySource keys;
  private KeyPool pool; // guarded by keysLock
  private boolean closed; // guarded by keysLock

  @Inject
  IdentityIssuer(CaManager cas, Clock clock, KumaConfig config) {
    this(cas, clock, CaSettings.of(config));
  }

  IdentityIssuer(CaManager cas, Clock clock, CaSettings settings) {
    this.cas = cas;
    this.clock = clock;
    this.settings = settings;
    this.certificates = new MeshCertificates(clock);
  }

  /** {@link #issue} when the mesh has mTLS enabled; empty (and the proxy forgotten) otherwise. */
  @Override
  public Optional<IdentityMaterial> identityFor(ProxyId id, Resource dataplane, Resource mesh) {
    if (!(mesh.spec() instanceof Mesh spec) || !spec.mtlsEnabled()) {
      slots.remove(id);
      return Optional.empty();
    }
    return Optional.of(issue(id, dataplane, mesh));
  }

  /**
   * The identity of proxy {@code id}: the cached one, or a new one when none is cached or the cached
   * one needs rotation.
   *
   * @param dataplane the proxy's Dataplane (its tags decide the identity)
   * @param mesh the proxy's Mesh, with mTLS enabled
   * @throws CaException when mTLS is not enabled, the Dataplane has no identity, the CA cannot be
   *     read, or generation is backing off after a failure
   */
  public IdentityMaterial issue(ProxyId id, Resource dataplane, Resource mesh) {
    if (!(mesh.spec() instanceof Mesh spec)) {
      throw new CaException("resource " + mesh.key() + " is not a Mesh");
    }
    String meshName = mesh.meta().name();
    CertificateAuthorityBackend backend = spec.enabledCertificateAuthorityBackend();
    if (backend == null) {
      throw new CaException("CA default backend in mesh \"" + meshName + "\" has to be defined");
    }
    SortedMap<String, SortedSet<String>> tags = IdentityTags.of(dataplane);
    BackendKey backendKey = BackendKey.of(mesh, backend);
    Slot slot = slots.computeIfAbsent(id, k -> new Slot());
    synchronized (slot) {
      Instant now = clock.instant();
      String reason = rotationReason(slot.issued, tags, backendKey, now);
      if (reason == null) {
        return slot.issued.material();
      }
      if (slot.retryAt != null && now.isBefore(slot.retryAt)) {
        throw new CaException("backing off certificate generation for mesh \"" + meshName + "\" backend \""
            + backend.name() + "\" after a previous failure (retry after "
            + Duration.between(now, slot.retryAt).toSeconds() + "s): " + slot.lastError);
      }
      try {
        Issued issued = generate(mesh, backend, backendKey, tags);
        slot.succeeded(issued, clock.instant());
        generated.incrementAndGet();
        LOG.debug("generated certificate for Dataplane {}: {}", id, reason);
        return issued.material();
      } catch (CaException e) {
        failed.incrementAndGet();
        Duration wait = slot.failed(now, e.getMessage(), settings);
        if (slot.failures == 1) {
          LOG.warn("could not generate a certificate for Dataplane {} (retry in {}s): {}", id, wait.toSeconds(),
              e.getMessage());
        }
        throw e;
      }
    }
  }

  /** The certificate state of proxy {@code id}, once a certificate was issued. */
  public Optional<IdentityStatus> status(ProxyId id) {
    Slot slot = slots.get(id);
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.status);
  }

  /**
   * When {@link #issue} should be called again for proxy {@code id} even if nothing changes: when
   * the current certificate reaches 4/5 of its lifetime, or when a failure's backoff ends.
   */
  public Optional<Instant> nextRotation(ProxyId id) {
    Slot slot = slots.get(id);
    if (slot == null) {
      return Optional.empty();
    }
    synchronized (slot) {
      if (slot.retryAt != null) {
        return Optional.of(slot.retryAt);
      }
      return slot.issued == null ? Optional.empty() : Optional.of(slot.issued.rotationTime());
    }
  }

  /** Drops what is cached for proxy {@code id} (its certificate and any backoff). */
  public void forget(ProxyId id) {
    slots.remove(id);
  }

  /** How many certificates were generated, and how many generations failed, since start. */
  public long generatedCertificates() {
    return generated.get();
  }

  public long failedGenerations() {
    return failed.get();
  }

  /** Stops the key pool's background threads. */
  @PreDestroy
  @Override
  public void close() {
    synchronized (keysLock) {
      closed = true;
      if (pool != null) {
        pool.close();
      }
    }
  }

  /**
   * Why the cached certificate must be replaced, or {@code null} when it can stay: none yet, other
   * CA backend settings, other tags, or 4/5 of its lifetime elapsed.
   */
  static String rotationReason(Issued issued, SortedMap<String, SortedSet<String>> tags, BackendKey backend,
      Instant now) {
    if (issued == null) {
      return "mTLS is enabled and DP hasn't received a certificate yet";
    }
    if (!issued.backend().equals(backend)) {
      return "Mesh mTLS settings have changed";
    }
    if (!issued.tags().equals(tags)) {
      return "DP tags have changed";
    }
    if (now.isAfter(issued.rotationTime())) {
      return "the certificate expiring soon. Generated at \"" + issued.generation() + "\", expiring at \""
          + issued.expiration() + "\"";
    }
    return null;
  }

  private Issued generate(Resource meshResource, CertificateAuthorityBackend backend, BackendKey backendKey,
      SortedMap<String, SortedSet<String>> tags) {
    String mesh = meshResource.meta().name();
    try {
      LoadedCa ca = cas.loadOrCreate(meshResource, backend);
      KeyAndCertificate leaf = certificates.workload(ca.signer(), mesh, tags, keys().next(), validity(backend));
      Instant expiration = leaf.certificate().getNotAfter().toInstant();
      IdentityMaterial material = new IdentityMaterial(leaf.certificatePem(), leaf.keyPem(),
          List.of(ca.certificatePem()), backend.name(), expiration);
      return new Issued(material, clock.instant(), expiration, tags, backendKey);
    } catch (RuntimeException e) { // CA, conf, key or store failures alike: reported and backed off
      throw new CaException("could not generate dataplane cert for mesh: \"" + mesh + "\" backend: \""
          + backend.name() + "\" services: \"" + describe(tags) + "\": " + e.getMessage(), e);
    }
  }

  private static Duration validity(CertificateAuthorityBackend backend) {
    String expiration = backend.dpCert() == null || backend.dpCert().rotation() == null
        ? null : backend.dpCert().rotation().expiration();
    return expiration == null || expiration.isEmpty() ? null : KumaDurations.parse(expiration);
  }

  private KeySource keys() {
    KeySource current = keys;
    if (current != null) {
      return current;
    }
    synchronized (keysLock) {
      if (keys == null) {
        if (settings.keyPoolSize() > 0 && !closed) {
          pool = new KeyPool(settings.keyType(), settings.keyPoolSize(), 1);
          keys = pool;
        } else {
          keys = KeySource.fresh(settings.keyType());
        }
      }
      return keys;
    }
  }

  /** Kuma's {@code MultiValueTagSet.String}: {@code tag=v1,v2 tag2=v} sorted. */
  private static String describe(SortedMap<String, SortedSet<String>> tags) {
    return tags.entrySet().stream()
        .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
        .collect(Collectors.joining(" "));
  }

  /**
   * What of a mesh decides its certificates: the mesh incarnation and the enabled backend without
   * its {@code mode} and {@code rootChain} (they change no certificate).
   */
  record BackendKey(Instant meshCreated, String name, String type, CertificateAuthorityBackend.DpCert dpCert,
      JsonNode conf) {
    static BackendKey of(Resource mesh, CertificateAuthorityBackend backend) {
      return new BackendKey(mesh.meta().creationTime(), backend.name(), backend.type(), backend.dpCert(),
          backend.conf());
    }
  }

  /** A certificate in the cache and what it was generated for. */
  record Issued(IdentityMaterial material, Instant generation, Instant expiration,
      SortedMap<String, SortedSet<String>> tags, BackendKey backend) {

    /** Kuma's {@code ExpiringSoon} threshold: generation + lifetime / 5 * 4. */
    Instant rotationTime() {
      Duration lifetime = Duration.between(generation, expiration);
      return generation.plus(lifetime.dividedBy(5).multipliedBy(4));
    }
  }

  /** One proxy's cache entry; fields guarded by the slot's monitor, {@link #status} readable without. */
  private static final class Slot {
    Issued issued;
    int failures;
    Instant retryAt;
    String lastError;
    volatile IdentityStatus status;

    void succeeded(Issued next, Instant now) {
      issued = next;
      failures = 0;
      retryAt = null;
      lastError = null;
      int count = status == null ? 1 : status.certificateRegenerations() + 1;
      status = new IdentityStatus(next.expiration(), now, count, next.material().backend(),
          List.of(next.material().backend()));
    }

    /** Records a failure and returns how long to wait: base, doubled per failure, capped at max. */
    Duration failed(Instant now, String error, CaSettings settings) {
      failures++;
      lastError = error;
      Duration wait = settings.baseBackoff();
      for (int i = 1; i < failures && wait.compareTo(settings.maxBackoff()) < 0; i++) {
        wait = wait.multipliedBy(2);
      }
      if (wait.compareTo(settings.maxBackoff()) > 0) {
        wait = settings.maxBackoff();
      }
      retryAt = now.plus(wait);
      return wait;
    }
  }
}
