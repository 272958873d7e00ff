package org.kumaj.cp.insights;

import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.server.DiscoveryServerCallbacks;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.kumaj.cp.ca.IdentityIssuer;
import org.kumaj.cp.ca.IdentityStatus;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.launcher.ControlPlaneIdentity;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.store.ResourceAlreadyExistsException;
import org.kumaj.cp.store.ResourceConflictException;
import org.kumaj.cp.store.ResourceNotFoundException;
import org.kumaj.cp.xds.ConnectedProxies;
import org.kumaj.cp.xds.ProxyId;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.mesh.DataplaneInsight;
import org.kumaj.model.mesh.DiscoverySubscription;
import org.kumaj.model.system.ServiceStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kuma's DataplaneInsight tracking: one subscription per ADS stream (id, this instance, connect
 * and disconnect time, kuma-dp and Envoy versions, responses sent/ACKed/NACKed per xDS type), kept
 * in memory and written to the proxy's DataplaneInsight every {@code xdsServer.dataplaneStatusFlushInterval}
 * (and soon after a connect or disconnect). Only the newest {@code metrics.dataplane.subscriptionLimit}
 * subscriptions are kept. The {@code mTLS} block follows the proxy's identity ({@link IdentityIssuer}) as
 * Kuma's status sink does: cleared while the proxy has no certificate, and on every new certificate
 * (another expiration time or backend) its times and backends are replaced and
 * {@code certificateRegenerations} is incremented (so the count survives restarts, as Kuma's does).
 * Thread-safe.
 */
@Singleton
@Order(3)
@Requires(property = "kumaj.listeners.dp-server.port")
final class DataplaneInsightTracker implements DiscoveryServerCallbacks, ConnectedProxies.Listener {
  private static final Logger LOG = LoggerFactory.getLogger("insights");
  private static final long PROMPT_FLUSH_MILLIS = 100;

  /** What identifies a certificate in the insight: its expiration time and issuing backend. */
  private record CertificateKey(Instant expiration, String backend) {}

  private static final CertificateKey NO_CERTIFICATE = new CertificateKey(null, null);

  private final ResourceManager manager;
  private final ConnectedProxies proxies;
  private final Clock clock;
  private final String instanceId;
  private final long flushMillis;
  private final int subscriptionLimit;
  private final Map<Long, Subscription> streams = new ConcurrentHashMap<>();
  private final Map<ProxyId, Boolean> dirty = new ConcurrentHashMap<>();
  private final IdentityIssuer identities;
  /** The certificate last written per connected proxy; {@link #NO_CERTIFICATE} for none. */
  private final Map<ProxyId, CertificateKey> writtenCertificates = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "insights-flush");
    t.setDaemon(true);
    return t;
  });

  DataplaneInsightTracker(ResourceManager manager, ConnectedProxies proxies, Clock clock, ControlPlaneIdentity identity,
      KumaConfig config, IdentityIssuer identities) {
    this.manager = manager;
    this.identities = identities;
    this.proxies = proxies;
    this.clock = clock;
    this.instanceId = identity.instanceId();
    this.flushMillis = config.duration("xdsServer.dataplaneStatusFlushInterval").toMillis();
    this.subscriptionLimit = config.integer("metrics.dataplane.subscriptionLimit");
  }

  @PostConstruct
  void start() {
    proxies.addListener(this);
    flusher.scheduleWithFixedDelay(this::flushAll, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    flusher.shutdownNow();
  }

  /** Counters of one stream. */
  private final class Subscription {
    final String id = UUID.randomUUID().toString();
    final ProxyId proxy;
    final Instant connectTime = clock.instant();
    final DiscoverySubscription.Version version;
    final Map<String, AtomicLong[]> stats = new ConcurrentHashMap<>();
    volatile Instant disconnectTime;
    volatile Instant lastUpdate;

    Subscription(ProxyId proxy, DiscoverySubscription.Version version) {
      this.proxy = proxy;
      this.version = version;
    }

    void count(String typeUrl, int index) {
      stats.computeIfAbsent(shortType(typeUrl), t -> new AtomicLong[] {new AtomicLong(), new AtomicLong(), new AtomicLong()})[index]
          .incrementAndGet();
      lastUpdate = clock.instant();
      dirty.put(proxy, true);
    }

    DiscoverySubscription toSubscription() {
      long[] total = new long[3];
      stats.values().forEach(s -> {
        for (int i = 0; i < 3; i++) {
          total[i] += s[i].get();
        }
      });
      return new DiscoverySubscription(id, instanceId, connectTime, disconnectTime,
          new DiscoverySubscription.Status(lastUpdate, stat(total), stat("cds"), stat("eds"), stat("lds"), stat("rds")),
          version, null);
    }

    private ServiceStats stat(String type) {
      AtomicLong[] s = stats.get(type);
      return s == null ? null : stat(new long[] {s[0].get(), s[1].get(), s[2].get()});
    }

    private ServiceStats stat(long[] v) {
      return new ServiceStats(v[0] == 0 ? null : v[0], v[1] == 0 ? null : v[1], v[2] == 0 ? null : v[2]);
    }
  }

  private static String shortType(String typeUrl) {
    if (typeUrl.equals(Resources.V3.CLUSTER_TYPE_URL)) {
      return "cds";
    }
    if (typeUrl.equals(Resources.V3.ENDPOINT_TYPE_URL)) {
      return "eds";
    }
    if (typeUrl.equals(Resources.V3.LISTENER_TYPE_URL)) {
      return "lds";
    }
    if (typeUrl.equals(Resources.V3.ROUTE_TYPE_URL)) {
      return "rds";
    }
    return "other";
  }

  private static final int SENT = 0;
  private static final int ACKED = 1;
  private static final int REJECTED = 2;

  @Override
  public void onV3StreamRequest(long streamId, DiscoveryRequest request) {
    onRequest(streamId, request.getTypeUrl(), request.getResponseNonce(), request.hasErrorDetail());
  }

  @Override
  public void onV3StreamDeltaRequest(long streamId, DeltaDiscoveryRequest request) {
    onRequest(streamId, request.getTypeUrl(), request.getResponseNonce(), request.hasErrorDetail());
  }

  private void onRequest(long streamId, String typeUrl, String nonce, boolean nack) {
    Subscription s = subscription(streamId);
    if (s == null || nonce.isEmpty()) {
      return;
    }
    s.count(typeUrl, nack ? REJECTED : ACKED);
  }

  @Override
  public void onV3StreamResponse(long streamId, DiscoveryRequest request, DiscoveryResponse response) {
    Optional.ofNullable(subscription(streamId)).ifPresent(s -> s.count(response.getTypeUrl(), SENT));
  }

  @Override
  public void onV3StreamDeltaResponse(long streamId, DeltaDiscoveryRequest request, DeltaDiscoveryResponse response) {
    Optional.ofNullable(subscription(streamId)).ifPresent(s -> s.count(response.getTypeUrl(), SENT));
  }

  /** The stream's subscription, created once the stream's proxy is known. */
  private Subscription subscription(long streamId) {
    Subscription s = streams.get(streamId);
    if (s != null) {
      return s;
    }
    return proxies.connection(streamId)
        .map(c -> streams.computeIfAbsent(streamId, id -> new Subscription(c.id(), c.version())))
        .orElse(null);
  }

  @Override
  public void onStreamClose(long streamId, String typeUrl) {
    closed(streamId);
  }

  @Override
  public void onStreamCloseWithError(long streamId, String typeUrl, Throwable error) {
    closed(streamId);
  }

  private void closed(long streamId) {
    Subscription s = streams.get(streamId);
    if (s != null) {
      s.disconnectTime = clock.instant();
      dirty.put(s.proxy, true);
      flusher.schedule(() -> flush(s.proxy), PROMPT_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void connected(ConnectedProxies.Connection connection) {
    dirty.put(connection.id(), true);
    flusher.schedule(() -> flush(connection.id()), PROMPT_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void disconnected(ConnectedProxies.Connection connection) {
    // the stream's close already scheduled a flush
  }

  private void flushAll() {
    for (Subscription s : streams.values()) {
      if (s.disconnectTime == null
          && !certificateKey(identities.status(s.proxy)).equals(writtenCertificates.get(s.proxy))) {
        dirty.put(s.proxy, true); // a new certificate (or none any more) since the last write
      }
    }
    // the streams grouped once, not scanned again per proxy (all 1000 are dirty after a mesh-wide push)
    Map<ProxyId, List<Map.Entry<Long, Subscription>>> byProxy = new HashMap<>();
    for (Map.Entry<Long, Subscription> e : streams.entrySet()) {
      byProxy.computeIfAbsent(e.getValue().proxy, p -> new ArrayList<>()).add(e);
    }
    for (ProxyId proxy : List.copyOf(dirty.keySet())) {
      flush(proxy, byProxy.getOrDefault(proxy, List.of()));
    }
  }

  private static CertificateKey certificateKey(Optional<IdentityStatus> status) {
    if (status.isEmpty()) {
      return NO_CERTIFICATE;
    }
    return new CertificateKey(status.get().certificateExpirationTime(), status.get().issuedBackend());
  }

  private void flush(ProxyId proxy) {
    flush(proxy, streams.entrySet().stream().filter(e -> e.getValue().proxy.equals(proxy)).toList());
  }

  /** Writes the insight of {@code proxy} if it is dirty; {@code itsStreams} are its entries of {@link #streams}. */
  private void flush(ProxyId proxy, List<Map.Entry<Long, Subscription>> itsStreams) {
    if (dirty.remove(proxy) == null) {
      return;
    }
    List<DiscoverySubscription> ours = new ArrayList<>();
    List<Long> closed = new ArrayList<>();
    boolean connected = false;
    for (Map.Entry<Long, Subscription> e : itsStreams) {
      ours.add(e.getValue().toSubscription());
      if (e.getValue().disconnectTime != null) {
        closed.add(e.getKey());
      } else {
        connected = true;
      }
    }
    Optional<IdentityStatus> certificate = identities.status(proxy);
    CertificateKey certificateKey = certificateKey(certificate);
    try {
      write(proxy, ours, connected, certificate);
      closed.forEach(streams::remove);
      if (connected) {
        writtenCertificates.put(proxy, certificateKey);
      } else {
        writtenCertificates.remove(proxy);
      }
    } catch (ResourceConflictException | ResourceAlreadyExistsException raced) {
      dirty.put(proxy, true);
    } catch (ResourceNotFoundException | org.kumaj.model.validation.ValidationException gone) {
      closed.forEach(streams::remove);
      LOG.debug("no DataplaneInsight for {}: {}", proxy, gone.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("could not write the DataplaneInsight of {}: {}", proxy, e.getMessage());
      dirty.put(proxy, true);
    }
  }

  /**
   * Kuma's rule: no certificate clears the block; a certificate with another expiration time or
   * backend than the stored one replaces it and counts one more regeneration.
   */
  static DataplaneInsight.Mtls mtls(DataplaneInsight.Mtls stored, Optional<IdentityStatus> certificate) {
    if (certificate.isEmpty()) {
      return null;
    }
    DataplaneInsight.Mtls current = certificate.get().toInsight();
    if (stored != null && java.util.Objects.equals(stored.certificateExpirationTime(), current.certificateExpirationTime())
        && java.util.Objects.equals(stored.issuedBackend(), current.issuedBackend())
        && java.util.Objects.equals(stored.supportedBackends(), current.supportedBackends())) {
      return stored;
    }
    int count = stored == null || stored.certificateRegenerations() == null ? 0 : stored.certificateRegenerations();
    return new DataplaneInsight.Mtls(current.certificateExpirationTime(), current.lastCertificateRegeneration(),
        count + 1, current.issuedBackend(), current.supportedBackends());
  }

  /** Writes the subscriptions; the mTLS block is updated only while the proxy is connected. */
  private void write(ProxyId proxy, List<DiscoverySubscription> ours, boolean connected,
      Optional<IdentityStatus> certificate) {
    ResourceKey key = new ResourceKey(DataplaneInsight.TYPE, proxy.mesh(), proxy.name());
    Optional<Resource> current = manager.get(key);
    List<DiscoverySubscription> merged = new ArrayList<>();
    DataplaneInsight previous = current.map(r -> r.spec(DataplaneInsight.class)).orElse(null);
    if (previous != null && previous.subscriptions() != null) {
      for (DiscoverySubscription s : previous.subscriptions()) {
        if (ours.stream().noneMatch(o -> o.id().equals(s.id()))) {
          merged.add(s);
        }
      }
    }
    merged.addAll(ours);
    merged.sort(java.util.Comparator.comparing(DiscoverySubscription::connectTime,
        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
    if (subscriptionLimit > 0 && merged.size() > subscriptionLimit) {
      merged = merged.subList(merged.size() - subscriptionLimit, merged.size());
    }
    DataplaneInsight.Mtls before = previous == null ? null : previous.mTLS();
    DataplaneInsight next = new DataplaneInsight(merged, connected ? mtls(before, certificate) : before,
        previous == null ? null : previous.metadata(), previous == null ? null : previous.openTelemetry());
    if (current.isEmpty()) {
      manager.create(new Resource(DataplaneInsight.TYPE, ResourceMeta.of(proxy.mesh(), proxy.name(), null), next));
    } else {
      manager.update(current.get().withSpec(next));
    }
  }
}
