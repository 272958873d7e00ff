package org.kumaj.cp.listeners;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kumaj.cp.config.KumaConfig;

/**
 * Which sockets a control plane opens, derived from its configuration the way Kuma decides it:
 * every mode serves the admission webhook, diagnostics, the API over HTTP and HTTPS and the
 * inter-CP server; zone mode adds MADS and the data-plane server; global mode adds KDS.
 * Immutable; thread-safe.
 */
public final class ListenerPlan {
  /** The API over plain HTTP (5681). */
  public static final String API_HTTP = "api-http";
  /** The API over HTTPS (5682). */
  public static final String API_HTTPS = "api-https";
  /** Health, readiness, metrics and log levels (5680). */
  public static final String DIAGNOSTICS = "diagnostics";
  /** Kubernetes admission webhooks (5443). */
  public static final String WEBHOOK = "webhook";
  /** Monitoring assignment discovery (5676). */
  public static final String MADS = "mads";
  /** Bootstrap and ADS/SDS for data planes (5678). */
  public static final String DP_SERVER = "dp-server";
  /** Control plane to control plane (5683). */
  public static final String INTER_CP = "inter-cp";
  /** Global to zone synchronisation (5685). */
  public static final String KDS = "kds";

  private final List<Listener> listeners;

  private ListenerPlan(List<Listener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** Computes the plan for {@code config}. */
  public static ListenerPlan of(KumaConfig config) {
    List<Listener> out = new ArrayList<>();
    add(out, config, WEBHOOK, "runtime.kubernetes.admissionServer.address",
        "runtime.kubernetes.admissionServer.port", Protocol.HTTPS);
    add(out, config, DIAGNOSTICS, "diagnostics.interface", "diagnostics.serverPort",
        config.bool("diagnostics.tlsEnabled") ? Protocol.HTTPS : Protocol.HTTP);
    if (config.bool("apiServer.http.enabled")) {
      add(out, config, API_HTTP, "apiServer.http.interface", "apiServer.http.port", Protocol.HTTP);
    }
    if (config.bool("apiServer.https.enabled")) {
      add(out, config, API_HTTPS, "apiServer.https.interface", "apiServer.https.port", Protocol.HTTPS);
    }
    add(out, config, INTER_CP, "interCp.server.interface", "interCp.server.port", Protocol.GRPC_TLS);
    if (config.isGlobal()) {
      add(out, config, KDS, "multizone.global.kds.grpcInterface", "multizone.global.kds.grpcPort",
          config.bool("multizone.global.kds.tlsEnabled") ? Protocol.GRPC_TLS : Protocol.GRPC_PLAINTEXT);
    } else {
      if (config.bool("monitoringAssignmentServer.enabled")) {
        add(out, config, MADS, "monitoringAssignmentServer.interface", "monitoringAssignmentServer.port",
            config.string("monitoringAssignmentServer.tlsCertFile").isEmpty() ? Protocol.HTTP : Protocol.HTTPS);
      }
      add(out, config, DP_SERVER, "dpServer.interface", "dpServer.port", Protocol.DP_SERVER);
    }
    return new ListenerPlan(out);
  }

  private static void add(List<Listener> out, KumaConfig config, String name, String hostKey,
      String portKey, Protocol protocol) {
    String host = config.string(hostKey);
    out.add(new Listener(name, host, config.integer(portKey), protocol, portKey));
  }

  public List<Listener> all() {
    return listeners;
  }

  public Optional<Listener> find(String name) {
    return listeners.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** The listener with {@code name}; fails if this mode has none. */
  public Listener get(String name) {
    return find(name).orElseThrow(() -> new IllegalStateException("no listener " + name + " in this mode"));
  }

  public List<Listener> http() {
    return listeners.stream().filter(Listener::isHttp).toList();
  }

  /** The plain gRPC listeners (inter-CP, KDS); the data-plane server is served by its own mux. */
  public List<Listener> grpc() {
    return listeners.stream()
        .filter(l -> l.protocol() == Protocol.GRPC_TLS || l.protocol() == Protocol.GRPC_PLAINTEXT).toList();
  }
}
