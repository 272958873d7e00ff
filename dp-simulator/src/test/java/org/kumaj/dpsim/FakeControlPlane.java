package org.kumaj.dpsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for our control plane, enough for the benchmark tool: the HTTP API (meshes,
 * Dataplanes, dataplane tokens), diagnostics {@code /metrics}, an HTTPS {@code /bootstrap} that
 * answers Kuma-shaped bootstraps, and ADS from a SimpleCache whose snapshots are regenerated from
 * the stored Dataplanes and the mesh's mTLS mode on every change.
 */
final class FakeControlPlane implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MESH = Pattern.compile("/meshes/([^/]+)");
  private static final Pattern DATAPLANE = Pattern.compile("/meshes/([^/]+)/dataplanes/([^/]+)");

  final BaselineServer ads;
  final TestHttpServer api;
  final TestHttpServer diagnostics;
  final TestHttpServer dpServer;
  final Path caFile;
  final Map<String, Topology.Instance> dataplanes = new ConcurrentHashMap<>();
  final List<String> meshPuts = new ArrayList<>();
  final AtomicInteger tokens = new AtomicInteger();
  final AtomicInteger bootstraps = new AtomicInteger();
  final AtomicInteger deletes = new AtomicInteger();
  private volatile String mesh = "";
  private volatile SyntheticMesh.Mtls mtls = SyntheticMesh.Mtls.OFF;

  FakeControlPlane(Path dir) throws IOException {
    ads = BaselineServer.startTls();
    api = TestHttpServer.http(this::api);
    diagnostics = TestHttpServer.http(r -> new TestHttpServer.Response(200, "text/plain",
        "# TYPE jvm_memory_used_bytes gauge\n"
            + "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"} "
            + (40_000_000L + 100_000L * bootstraps.get()) + "\n"
            + "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"} 10000000\n"
            + "jvm_memory_used_bytes{area=\"nonheap\",id=\"Metaspace\"} 99000000\n"
            + "process_cpu_seconds_total 12.5\n"));
    dpServer = TestHttpServer.https(this::bootstrap);
    caFile = dir.resolve("kuma-cp.crt");
    // the bootstrap and ADS servers have different self-signed certificates: trust both
    Files.writeString(caFile, dpServer.certificate().certificatePem() + ads.certificatePem(),
        StandardCharsets.US_ASCII);
  }

  private synchronized void publish() {
    List<Topology.Instance> all = new ArrayList<>(dataplanes.values());
    SyntheticMesh.snapshots(mesh, new Topology(all, 0), mtls).forEach(ads::setSnapshot);
  }

  private TestHttpServer.Response api(TestHttpServer.Request r) throws IOException {
    Matcher dp = DATAPLANE.matcher(r.path());
    Matcher m = MESH.matcher(r.path());
    if (r.method().equals("POST") && r.path().equals("/tokens/dataplane")) {
      tokens.incrementAndGet();
      JsonNode body = JSON.readTree(r.body());
      return new TestHttpServer.Response(200, "text/plain", "token-" + body.path("name").asText());
    }
    if (dp.matches()) {
      if (r.method().equals("PUT")) {
        dataplanes.put(dp.group(2), instance(JSON.readTree(r.body())));
        publish();
        return new TestHttpServer.Response(201, null, "");
      }
      if (r.method().equals("DELETE")) {
        deletes.incrementAndGet();
        return dataplanes.remove(dp.group(2)) == null
            ? new TestHttpServer.Response(404, "application/json", "{\"title\":\"Not found\"}")
            : new TestHttpServer.Response(200, null, "");
      }
    }
    if (m.matches()) {
      if (r.method().equals("PUT")) {
        JsonNode body = JSON.readTree(r.body());
        mesh = m.group(1);
        String mode = body.at("/mtls/backends/0/mode").asText("");
        synchronized (meshPuts) {
          meshPuts.add(mode);
        }
        mtls = mode.isEmpty() ? SyntheticMesh.Mtls.OFF : SyntheticMesh.Mtls.valueOf(mode);
        publish();
        return new TestHttpServer.Response(200, null, "");
      }
      if (r.method().equals("DELETE")) {
        deletes.incrementAndGet();
        return new TestHttpServer.Response(200, null, "");
      }
    }
    return new TestHttpServer.Response(404, "text/plain", "no route " + r.method() + " " + r.path());
  }

  private static Topology.Instance instance(JsonNode dp) {
    JsonNode net = dp.path("networking");
    JsonNode inbound = net.path("inbound").path(0);
    List<Topology.Outbound> outs = new ArrayList<>();
    for (JsonNode o : net.path("outbound")) {
      outs.add(new Topology.Outbound(o.at("/tags/kuma.io~1service").asText(),
          o.path("port").asInt()));
    }
    return new Topology.Instance(dp.path("name").asText(),
        inbound.at("/tags/kuma.io~1service").asText(), net.path("address").asText(),
        inbound.path("port").asInt(), outs);
  }

  private TestHttpServer.Response bootstrap(TestHttpServer.Request r) throws IOException {
    JsonNode req = JSON.readTree(r.body());
    String name = req.path("name").asText();
    if (!("token-" + name).equals(req.path("dataplaneToken").asText())) {
      return new TestHttpServer.Response(422, "text/plain", "Dataplane Token is required");
    }
    Topology.Instance dp = dataplanes.get(name);
    if (dp == null) {
      return new TestHttpServer.Response(404, null, "");
    }
    bootstraps.incrementAndGet();
    boolean delta = req.path("features").toString().contains("feature-delta-grpc");
    String yaml = BootstrapClientTest.bootstrapYaml(req.path("mesh").asText() + "." + name,
        dp.service(), delta ? "DELTA_GRPC" : "GRPC", false, "token-" + name, ads.port(),
        ads.certificatePem());
    return new TestHttpServer.Response(200, "application/json", BootstrapClientTest.kumaAnswer(yaml));
  }

  int dpPort() {
    return dpServer.url().getPort();
  }

  @Override
  public void close() {
    dpServer.close();
    diagnostics.close();
    api.close();
    ads.close();
  }
}
