package org.kumaj.cp.defaults;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.store.ResourceAlreadyExistsException;
import org.kumaj.cp.tokens.JwtTokens;
import org.kumaj.cp.tokens.SigningKeys;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.system.GlobalSecret;
import org.kumaj.model.system.Zone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources Kuma 2.14 creates at start-up ({@code pkg/defaults/components.go}): the Zone of a
 * zone control plane, the {@code default} Mesh, the zone-token and user-token signing keys and the
 * {@code admin-user-token}. Everything is skipped with {@code defaults.skipTenantResources}. Safe to
 * run again and from two instances at once (a key taken by another instance counts as done).
 * Thread-safe.
 */
@Singleton
public final class StartupDefaults {
  /** Name of the GlobalSecret holding the admin's user token. */
  public static final String ADMIN_USER_TOKEN = "admin-user-token";
  private static final Logger LOG = LoggerFactory.getLogger("defaults");
  private static final int STOP_WAIT_SECONDS = 10;
  private static final int RETRY_SECONDS = 5;
  private static final int RETRY_MINUTES = 10;
  private static final Duration ADMIN_TOKEN_VALIDITY = Duration.ofHours(24L * 365 * 10);

  private final ResourceManager manager;
  private final KumaConfig config;
  private final SigningKeys signingKeys;
  private final JwtTokens tokens;

  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "startup-defaults");
    t.setDaemon(true);
    return t;
  });

  StartupDefaults(ResourceManager manager, KumaConfig config, Clock clock) {
    this.manager = manager;
    this.config = config;
    this.signingKeys = new SigningKeys(manager);
    this.tokens = new JwtTokens(clock);
  }

  /**
   * Ensures the defaults on a background thread, as Kuma's defaults component does: the control
   * plane becomes ready without waiting (generating signing keys takes a while on a first start),
   * and a failure is logged and retried every {@value #RETRY_SECONDS} s for up to
   * {@value #RETRY_MINUTES} minutes. {@link #done()} tells when it is over.
   */
  public void ensureInBackground() {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(RETRY_MINUTES);
    worker.execute(() -> attempt(deadline));
  }

  /** Completes once the defaults exist; completes exceptionally if retrying gave up or was stopped. */
  public CompletableFuture<Void> done() {
    return done;
  }

  private void attempt(long deadline) {
    try {
      ensure();
      done.complete(null);
    } catch (RuntimeException e) {
      if (System.nanoTime() > deadline) {
        LOG.error("gave up creating the default resources after {} minutes: {}", RETRY_MINUTES, e.toString());
        done.completeExceptionally(e);
        return;
      }
      LOG.warn("could not create the default resources, retrying in {} s: {}", RETRY_SECONDS, e.toString());
      worker.schedule(() -> attempt(deadline), RETRY_SECONDS, TimeUnit.SECONDS);
    }
  }

  /**
   * Stops retrying and waits (at most {@value #STOP_WAIT_SECONDS} s) for an attempt in progress, so
   * that nothing is written or logged on behalf of a stopped control plane.
   */
  @PreDestroy
  void stop() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    done.completeExceptionally(new CancellationException("the control plane stopped"));
  }

  /** Creates whatever is missing. */
  public void ensure() {
    if (config.bool("defaults.skipTenantResources")) {
      return;
    }
    boolean zoneMode = config.mode().equals("zone");
    if (zoneMode) {
      createIfAbsent(Zone.TYPE, null, config.string("multizone.zone.name"), new Zone(true));
    }
    if (!config.bool("defaults.skipMeshCreation") && !config.isFederatedZone()) {
      createIfAbsent(Mesh.TYPE, null, "default", Mesh.EMPTY);
    }
    if (!config.isFederatedZone()) {
      signingKeys.ensure(SigningKeys.ZONE_TOKEN_PREFIX, null);
    }
    signingKeys.ensure(SigningKeys.USER_TOKEN_PREFIX, null);
    if (config.bool("apiServer.authn.tokens.bootstrapAdminToken")) {
      ensureAdminToken();
    }
  }

  private void ensureAdminToken() {
    if (manager.get(ResourceKey.global(GlobalSecret.TYPE, ADMIN_USER_TOKEN)).isPresent()) {
      return;
    }
    SigningKeys.SigningKey key = signingKeys.latest(SigningKeys.USER_TOKEN_PREFIX, null).orElseThrow();
    String token = tokens.issue(key, Map.of("Name", "mesh-system:admin", "Groups", List.of("mesh-system:admin")),
        ADMIN_TOKEN_VALIDITY);
    String data = Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    if (createIfAbsent(GlobalSecret.TYPE, null, ADMIN_USER_TOKEN, new GlobalSecret(data))) {
      LOG.info("created the admin user token; read it with: curl http://localhost:5681/global-secrets/"
          + ADMIN_USER_TOKEN + " | jq -r .data | base64 -d");
    }
  }

  private boolean createIfAbsent(org.kumaj.model.ResourceType type, String mesh, String name, ResourceSpec spec) {
    if (manager.get(new ResourceKey(type, mesh == null ? "" : mesh, name)).isPresent()) {
      return false;
    }
    try {
      manager.create(new Resource(type, ResourceMeta.of(mesh, name, null), spec));
      LOG.info("created default {} {}", type.name(), name);
      return true;
    } catch (ResourceAlreadyExistsException raced) {
      return false;
    }
  }
}
