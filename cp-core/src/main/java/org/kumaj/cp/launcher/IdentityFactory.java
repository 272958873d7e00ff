package org.kumaj.cp.launcher;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.defaults.ClusterIds;

/** Creates this instance's {@link ControlPlaneIdentity}. */
@Factory
final class IdentityFactory {

  @Singleton
  ControlPlaneIdentity identity(KumaConfig config, ClusterIds clusterIds) {
    String hostname = hostname();
    String instanceId = hostname + "-" + UUID.randomUUID().toString().substring(0, 4);
    return new ControlPlaneIdentity(hostname, instanceId, clusterIds.ensure(), config.mode());
  }

  static String hostname() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
