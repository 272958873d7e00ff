package org.kumaj.cp.launcher;

import java.util.HashMap;
import java.util.Map;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.listeners.Listener;
import org.kumaj.cp.listeners.ListenerPlan;
import org.kumaj.cp.tls.ServerTls;

/**
 * Translates the Kuma configuration into the Micronaut properties that open the HTTP listeners:
 * one Netty listener per HTTP(S) port of the plan, all sharing the server certificate. Only the API
 * listeners expose the default (un-ported) routes. Stateless.
 */
final class MicronautProperties {
  static final String CERTIFICATE = "kumaj";

  private MicronautProperties() {}

  static Map<String, Object> of(ListenerPlan plan, ServerTls tls, KumaConfig config) {
    Map<String, Object> p = new HashMap<>();
    for (Listener l : plan.http()) {
      String prefix = "micronaut.server.netty.listeners." + l.name() + ".";
      p.put(prefix + "port", l.port());
      if (!l.host().isEmpty()) {
        p.put(prefix + "host", l.host());
      }
      p.put(prefix + "ssl", l.isTls());
      if (l.isTls()) {
        p.put(prefix + "key-name", CERTIFICATE);
      }
      boolean api = l.name().equals(ListenerPlan.API_HTTP) || l.name().equals(ListenerPlan.API_HTTPS);
      p.put(prefix + "expose-default-routes", api);
    }
    for (Listener l : plan.all()) {
      p.put("kumaj.listeners." + l.name() + ".port", l.port());
    }
    p.put("micronaut.server.ssl.enabled", true);
    p.put("micronaut.server.ssl.protocols", tls.protocols());
    p.put("micronaut.certificate.file." + CERTIFICATE + ".format", "PEM");
    p.put("micronaut.certificate.file." + CERTIFICATE + ".path", tls.keyFile().toString());
    p.put("micronaut.certificate.file." + CERTIFICATE + ".certificate-path", tls.certFile().toString());
    p.put("micronaut.server.max-request-size", config.number("apiServer.maxRequestBodyBytes"));
    p.put("micronaut.server.thread-selection", "AUTO");
    p.put("micronaut.server.date-header", false);
    p.put("micronaut.server.server-header", "");
    return p;
  }
}
