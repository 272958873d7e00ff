package org.kumaj.cp.xds;

import io.envoyproxy.controlplane.cache.ConfigWatcher;
import io.envoyproxy.controlplane.cache.DeltaResponse;
import io.envoyproxy.controlplane.cache.DeltaWatch;
import io.envoyproxy.controlplane.cache.DeltaXdsRequest;
import io.envoyproxy.controlplane.cache.Response;
import io.envoyproxy.controlplane.cache.Watch;
import io.envoyproxy.controlplane.cache.XdsRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Our {@link ConfigWatcher}: java-control-plane's snapshot cache, except that after a proxy rejects
 * a response (NACK) the next response of that type waits {@code xdsServer.nackBackoff} (Kuma: 5 s),
 * so a proxy that rejects everything is not fed in a hot loop. Thread-safe.
 */
final class NackBackoffWatcher implements ConfigWatcher {
  private final ConfigWatcher delegate;
  private final ScheduledExecutorService scheduler;
  private final long backoffMillis;

  NackBackoffWatcher(ConfigWatcher delegate, ScheduledExecutorService scheduler, Duration backoff) {
    this.delegate = delegate;
    this.scheduler = scheduler;
    this.backoffMillis = backoff.toMillis();
  }

  @Override
  public Watch createWatch(boolean ads, XdsRequest request, Set<String> knownResourceNames,
      Consumer<Response> responseConsumer, boolean hasClusterChanged, boolean allowDefaultEmptyEdsUpdate) {
    return delegate.createWatch(ads, request, knownResourceNames,
        request.hasErrorDetail() ? delayed(responseConsumer) : responseConsumer, hasClusterChanged,
        allowDefaultEmptyEdsUpdate);
  }

  @Override
  public DeltaWatch createDeltaWatch(DeltaXdsRequest request, String requesterVersion,
      Map<String, String> resourceVersions, Set<String> pendingResources, boolean isWildcard,
      Consumer<DeltaResponse> responseConsumer, boolean hasClusterChanged) {
    boolean nack = request.v3Request().hasErrorDetail();
    return delegate.createDeltaWatch(request, requesterVersion, resourceVersions, pendingResources, isWildcard,
        nack ? delayed(responseConsumer) : responseConsumer, hasClusterChanged);
  }

  private <T> Consumer<T> delayed(Consumer<T> consumer) {
    if (backoffMillis <= 0) {
      return consumer;
    }
    return response -> scheduler.schedule(() -> consumer.accept(response), backoffMillis, TimeUnit.MILLISECONDS);
  }
}
