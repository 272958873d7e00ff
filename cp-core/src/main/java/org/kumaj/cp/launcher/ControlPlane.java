package org.kumaj.cp.launcher;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.defaults.StartupDefaults;
import org.kumaj.cp.diagnostics.Readiness;
import org.kumaj.cp.dpserver.DpServer;
import org.kumaj.cp.listeners.GrpcServers;
import org.kumaj.cp.listeners.Listener;
import org.kumaj.cp.listeners.ListenerPlan;
import org.kumaj.cp.listeners.ListenerStartException;
import org.kumaj.cp.events.EventBus;
import org.kumaj.cp.store.ResourceStore;
import org.kumaj.cp.store.StoreOpening;
import org.kumaj.cp.tls.ServerTls;
import org.kumaj.model.BuildInfo;
import org.kumaj.pki.Certificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running control plane: the Micronaut context with every feature bean, its HTTP listeners and
 * its gRPC servers. {@link #start} returns once every listener is bound; {@link #close} stops
 * everything. Thread-safe.
 */
public final class ControlPlane implements AutoCloseable {
  static final String LISTENERS_READY = "listeners";
  static final String STORE_READY = "store";
  private static final Logger LOG = LoggerFactory.getLogger("bootstrap");

  private final ApplicationContext context;

  private ControlPlane(ApplicationContext context) {
    this.context = context;
  }

  /**
   * Starts a control plane for {@code config}.
   *
   * @throws ListenerStartException if a port cannot be bound (the context is closed again)
   * @throws org.kumaj.cp.config.ConfigException if the configuration cannot be used
   */
  public static ControlPlane start(KumaConfig config) {
    ListenerPlan plan = ListenerPlan.of(config);
    for (Listener l : plan.all()) {
      checkFree(l);
    }
    Clock clock = Clock.systemUTC();
    EventBus events = new EventBus();
    // the store opens on its own thread while the rest starts (Hibernate's boot is the longest step)
    StoreOpening store = StoreOpening.begin(config, clock, events);
    ServerTls tls;
    try {
      tls = ServerTls.resolve(config, new Certificates(clock));
    } catch (RuntimeException e) {
      store.discardUnclaimed();
      throw e;
    }
    ApplicationContext context = ApplicationContext.builder()
        .deduceEnvironment(false)
        .deduceCloudEnvironment(false)
        .environmentPropertySource(false)
        .banner(false)
        .properties(MicronautProperties.of(plan, tls, config))
        .singletons(config, plan, tls, BuildInfo.current(), clock, events, store)
        .build();
    try {
      context.start();
      Readiness readiness = context.getBean(Readiness.class);
      readiness.expect(STORE_READY);
      readiness.expect(LISTENERS_READY);
      // HTTP first, so that probes get 503 rather than "connection refused" while the store opens.
      startHttp(context, plan);
      context.getBean(ResourceStore.class).ping();
      context.getBean(ControlPlaneIdentity.class);
      context.getBean(StartupDefaults.class).ensureInBackground();
      readiness.met(STORE_READY);
      context.getBean(GrpcServers.class).start();
      if (plan.find(ListenerPlan.DP_SERVER).isPresent()) {
        context.getBean(DpServer.class).start();
      }
      readiness.met(LISTENERS_READY);
      LOG.info("control plane started: mode={} listeners={}", config.mode(), plan.all().stream()
          .map(l -> l.name() + ":" + l.port()).toList());
      return new ControlPlane(context);
    } catch (RuntimeException e) {
      context.close();
      store.discardUnclaimed();
      throw e;
    }
  }

  private static void startHttp(ApplicationContext context, ListenerPlan plan) {
    try {
      context.getBean(EmbeddedServer.class).start();
    } catch (RuntimeException e) {
      for (Listener l : plan.http()) {
        if (!isFree(l)) {
          throw new ListenerStartException(l, e);
        }
      }
      throw e;
    }
  }

  /** Fails fast, naming the setting, when a port is already taken by another process. */
  private static void checkFree(Listener l) {
    if (!isFree(l)) {
      throw new ListenerStartException(l, new java.net.BindException("Address already in use"));
    }
  }

  private static boolean isFree(Listener l) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(l.host().isEmpty() ? new InetSocketAddress(l.port()) : new InetSocketAddress(l.host(), l.port()));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The Micronaut context holding every bean of this control plane. */
  public ApplicationContext context() {
    return context;
  }

  @Override
  public void close() {
    if (context.isRunning()) {
      context.close();
    }
  }
}
