package org.kumaj.dpsim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark mesh: {@code services} services ({@code svc-0} ...) with {@code instances} Dataplanes
 * each ({@code svc-<i>-<j>}), every Dataplane with one inbound (port 8080, application on 18080)
 * and outbounds to the next {@code outbounds} services (ports 20001...). Addresses are unique
 * 10.x.y.z. Immutable.
 */
record Topology(List<Instance> instances, int services) {
  static final int INBOUND_PORT = 8080;
  static final int SERVICE_PORT = 18080;
  static final int FIRST_OUTBOUND_PORT = 20001;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An outbound: the service and the local port it listens on. */
  record Outbound(String service, int port) {}

  /** One Dataplane. */
  record Instance(String name, String service, String address, int port, List<Outbound> outbounds) {

    /** The endpoint others reach it at. */
    String endpoint() {
      return address + ":" + port;
    }

    /** The Dataplane in Universal JSON (as {@code PUT /meshes/{mesh}/dataplanes/{name}} takes it). */
    String dataplaneJson(String mesh, String protocol) {
      ObjectNode dp = JSON.createObjectNode();
      dp.put("type", "Dataplane");
      dp.put("mesh", mesh);
      dp.put("name", name);
      ObjectNode networking = dp.putObject("networking");
      networking.put("address", address);
      ObjectNode inbound = networking.putArray("inbound").addObject();
      inbound.put("port", port);
      inbound.put("servicePort", SERVICE_PORT);
      ObjectNode tags = inbound.putObject("tags");
      tags.put("kuma.io/service", service);
      tags.put("kuma.io/protocol", protocol);
      ArrayNode outs = networking.putArray("outbound");
      for (Outbound o : outbounds) {
        ObjectNode out = outs.addObject();
        out.put("port", o.port());
        out.putObject("tags").put("kuma.io/service", o.service());
      }
      return dp.toString();
    }
  }

  static Topology generate(int services, int instancesPerService, int outbounds) {
    if (services < 1 || instancesPerService < 1 || outbounds < 0) {
      throw new IllegalArgumentException("need services >= 1, instances >= 1, outbounds >= 0");
    }
    List<Instance> all = new ArrayList<>();
    int index = 0;
    for (int s = 0; s < services; s++) {
      List<Outbound> outs = new ArrayList<>();
      for (int k = 1; k <= Math.min(outbounds, services - 1); k++) {
        outs.add(new Outbound(service((s + k) % services), FIRST_OUTBOUND_PORT + k - 1));
      }
      for (int j = 0; j < instancesPerService; j++) {
        all.add(new Instance(service(s) + "-" + j, service(s), address(index++), INBOUND_PORT,
            List.copyOf(outs)));
      }
    }
    return new Topology(List.copyOf(all), services);
  }

  static String service(int i) {
    return "svc-" + i;
  }

  /** A unique 10.x.y.z address for index {@code i} (x.y.z never 0 or 255 in the last byte). */
  static String address(int i) {
    int host = i % 250 + 1;
    int rest = i / 250;
    return "10." + (rest / 256 % 256) + "." + (rest % 256) + "." + host;
  }

  /** A new instance of {@code service} that is not part of the topology yet. */
  Instance extraInstance(String service) {
    List<Outbound> outs = instances.stream().filter(i -> i.service().equals(service))
        .findFirst().map(Instance::outbounds).orElse(List.of());
    return new Instance(service + "-extra", service, "10.255.255.1", INBOUND_PORT, outs);
  }

  /** Instances with an outbound to {@code service}. */
  List<Instance> subscribersOf(String service) {
    return instances.stream()
        .filter(i -> i.outbounds().stream().anyMatch(o -> o.service().equals(service)))
        .toList();
  }

  /** The same topology plus one instance. */
  Topology plus(Instance extra) {
    List<Instance> all = new ArrayList<>(instances);
    all.add(extra);
    return new Topology(List.copyOf(all), services);
  }
}
