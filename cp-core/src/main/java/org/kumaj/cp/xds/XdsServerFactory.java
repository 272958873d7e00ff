package org.kumaj.cp.xds;

import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.server.DefaultExecutorGroup;
import io.envoyproxy.controlplane.server.DiscoveryServerCallbacks;
import io.envoyproxy.controlplane.server.V3DiscoveryServer;
import io.grpc.ServerInterceptors;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.listeners.GrpcServiceBinding;
import org.kumaj.cp.listeners.ListenerPlan;
import org.kumaj.cp.xds.generator.ProxyGenerator;

/**
 * Wires the xDS stack the java-control-plane way: the protocol server ({@link V3DiscoveryServer},
 * SotW and delta ADS) asks our {@link NackBackoffWatcher} for watches, which serves the snapshots our
 * {@link SnapshotPusher} puts in the {@link SimpleCache} (one snapshot group per node id
 * {@code <mesh>.<name>}). Auth and insights plug in as {@link DiscoveryServerCallbacks}.
 */
@Factory
@Requires(property = "kumaj.listeners.dp-server.port")
final class XdsServerFactory {

  @Singleton
  SimpleCache<String> snapshotCache() {
    return new SimpleCache<>(node -> node.getId());
  }

  @Singleton
  ProxyGenerator proxyGenerator() {
    return new ProxyGenerator();
  }

  @Singleton
  PackedResources packedResources() {
    return new PackedResources();
  }

  /** The protocol server; it sends each resource as {@link PackedResources} keeps it packed. */
  @Singleton
  V3DiscoveryServer discoveryServer(List<DiscoveryServerCallbacks> callbacks, SimpleCache<String> cache,
      PackedResources packed, XdsExecutors executors, KumaConfig config) {
    return new V3DiscoveryServer(callbacks,
        new NackBackoffWatcher(cache, executors.scheduler(), config.duration("xdsServer.nackBackoff")),
        new DefaultExecutorGroup(), packed);
  }

  /** The ADS service; it is only served together with the pusher that feeds its snapshots. */
  @Singleton
  @Named("ads")
  GrpcServiceBinding ads(V3DiscoveryServer server, SnapshotPusher pusher) {
    return new GrpcServiceBinding(ListenerPlan.DP_SERVER, ServerInterceptors.intercept(
        MalformedRequestGuard.guard(server.getAggregatedDiscoveryServiceImpl().bindService()),
        new AuthorizationInterceptor(), new NodeOnFirstMessageInterceptor()));
  }
}
