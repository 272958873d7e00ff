package org.kumaj.cp.xds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.store.ResourceConflictException;
import org.kumaj.cp.store.ResourceNotFoundException;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.codec.Json;
import org.kumaj.model.codec.ResourceDecodeException;
import org.kumaj.model.codec.UniversalCodec;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.validation.MetaValidation;
import org.kumaj.model.validation.ValidationException;
import org.kumaj.model.validation.Violations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kuma's Universal "dataplane on connect" flow: kuma-dp passes the Dataplane in the bootstrap
 * request, the control plane stores it when the proxy connects and removes it
 * {@code xdsServer.dataplaneDeregistrationDelay} after the proxy's last stream closed, unless the
 * proxy came back in the meantime (to this instance). Only Dataplanes this instance registered are
 * removed. Thread-safe.
 */
@Singleton
@Requires(property = "kumaj.listeners.dp-server.port")
final class DataplaneLifecycle implements ConnectedProxies.Listener {
  private static final Logger LOG = LoggerFactory.getLogger("xds.lifecycle");

  private final ResourceManager manager;
  private final ConnectedProxies proxies;
  private final XdsExecutors executors;
  private final long delayMillis;
  private final Set<ProxyId> registeredHere = ConcurrentHashMap.newKeySet();

  DataplaneLifecycle(ResourceManager manager, ConnectedProxies proxies, XdsExecutors executors, KumaConfig config) {
    this.manager = manager;
    this.proxies = proxies;
    this.executors = executors;
    this.delayMillis = config.duration("xdsServer.dataplaneDeregistrationDelay").toMillis();
  }

  @PostConstruct
  void start() {
    proxies.addListener(this);
  }

  /**
   * Parses and validates the Dataplane a proxy passed.
   *
   * @throws IllegalArgumentException saying why it is not a valid Dataplane of {@code id}
   */
  Resource parse(ProxyId id, String json) {
    try {
      JsonNode node = Json.mapper().readTree(json);
      Resource dp = UniversalCodec.decode(Dataplane.TYPE, node);
      Violations v = new Violations();
      MetaValidation.meta(Dataplane.TYPE, dp.meta(), v);
      Dataplane.TYPE.validator().validate(dp.meta(), dp.spec(), v);
      v.throwIfAny();
      if (!dp.meta().name().equals(id.name()) || !id.mesh().equals(dp.meta().mesh())) {
        throw new IllegalArgumentException("it is " + dp.meta().mesh() + "." + dp.meta().name() + ", not " + id);
      }
      return dp;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    } catch (ResourceDecodeException | ValidationException e) {
      throw new IllegalArgumentException(e.getMessage().replace('\n', ' ').strip(), e);
    }
  }

  /** Stores (creates or updates) the Dataplane a connecting proxy passed. */
  void register(ProxyId id, Resource dataplane) {
    ResourceKey key = new ResourceKey(Dataplane.TYPE, id.mesh(), id.name());
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        Optional<Resource> existing = manager.get(key);
        if (existing.isEmpty()) {
          manager.create(dataplane);
        } else if (!existing.get().spec().equals(dataplane.spec())) {
          manager.update(dataplane.withMeta(existing.get().meta()));
        }
        registeredHere.add(id);
        return;
      } catch (ResourceConflictException | org.kumaj.cp.store.ResourceAlreadyExistsException raced) {
        LOG.debug("retrying the registration of {} after a concurrent write", id);
      }
    }
  }

  @Override
  public void connected(ConnectedProxies.Connection connection) {
    // nothing: registration happens when the stream is authenticated
  }

  @Override
  public void disconnected(ConnectedProxies.Connection connection) {
    ProxyId id = connection.id();
    if (!registeredHere.contains(id)) {
      return;
    }
    executors.scheduler().schedule(() -> executors.workers().execute(() -> deregister(id)), delayMillis,
        TimeUnit.MILLISECONDS);
  }

  private void deregister(ProxyId id) {
    if (proxies.isConnected(id) || !registeredHere.remove(id)) {
      return;
    }
    try {
      manager.delete(new ResourceKey(Dataplane.TYPE, id.mesh(), id.name()));
      LOG.info("deregistered {} after its proxy disconnected", id);
    } catch (ResourceNotFoundException alreadyGone) {
      LOG.debug("{} was already deleted", id);
    }
  }
}
