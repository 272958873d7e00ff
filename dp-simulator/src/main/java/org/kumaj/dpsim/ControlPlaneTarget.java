package org.kumaj.dpsim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Our control plane: Dataplanes and mesh changes through the HTTP API, proxies through
 * {@code POST /bootstrap} and ADS on the dp-server, heap and CPU from the diagnostics
 * {@code /metrics}.
 */
final class ControlPlaneTarget implements BenchTarget {
  private final Benchmark.Settings s;
  private final CpApi api;
  private final List<X509Certificate> ca;
  private final String caPem;
  private final BootstrapClient bootstrap;
  private final String fileToken;

  ControlPlaneTarget(Benchmark.Settings settings) throws IOException {
    this.s = settings;
    this.api = new CpApi(settings.apiUrl(), settings.diagnosticsUrl());
    this.caPem = Files.readString(settings.caFile(), StandardCharsets.US_ASCII);
    this.ca = Certificates.readPem(settings.caFile());
    this.bootstrap = BootstrapClient.create(settings.dpServerUrl(), ca);
    String source = settings.tokenSource();
    this.fileToken = source.startsWith("file:")
        ? Files.readString(Path.of(source.substring(5)), StandardCharsets.UTF_8).strip() : null;
    if (!source.equals("none") && !source.equals("api") && fileToken == null) {
      throw new IllegalArgumentException("--token-source must be none, api or file:<path>");
    }
  }

  @Override
  public String describe() {
    return "control plane: bootstrap " + bootstrap.endpoint() + ", API " + s.apiUrl()
        + ", diagnostics " + s.diagnosticsUrl();
  }

  @Override
  public void setUp(List<Topology.Instance> instances) throws IOException {
    join(api.putMesh(s.mesh(), CpApi.meshJson(s.mesh(), null)));
    if (!s.registerViaBootstrap()) {
      Bulk.run(instances, s.httpConcurrency(), i -> api.putDataplane(s.mesh(), i.name(),
          i.dataplaneJson(s.mesh(), s.protocol())));
    }
  }

  @Override
  public List<SimulatedProxy> connect(DpSimulator simulator, List<Topology.Instance> instances)
      throws IOException {
    List<BootstrapResult> bootstraps = Bulk.run(instances, s.httpConcurrency(),
        i -> token(i).thenCompose(t -> bootstrap.fetchAsync(request(i, t))));
    List<SimulatedProxy> proxies = new ArrayList<>(instances.size());
    boolean warned = false;
    for (BootstrapResult b : bootstraps) {
      if (b.adsMode() != s.mode() && !warned) {
        System.err.println("note: the bootstrap asks for " + b.apiType() + ", running "
            + s.mode() + " as requested");
        warned = true;
      }
      proxies.add(simulator.connect(XdsTarget.fromBootstrap(b, ca),
          ProxyOptions.fromBootstrap(b).mode(s.mode()).build()));
    }
    return proxies;
  }

  private CompletableFuture<String> token(Topology.Instance i) {
    return switch (s.tokenSource()) {
      case "none" -> CompletableFuture.completedFuture(null);
      case "api" -> api.dataplaneToken(s.mesh(), i.name());
      default -> CompletableFuture.completedFuture(fileToken);
    };
  }

  private BootstrapRequest request(Topology.Instance i, String token) {
    return BootstrapRequest.builder(s.mesh(), i.name())
        .dataplaneToken(token)
        .caCert(caPem)
        .deltaXds(s.mode() == AdsMode.DELTA)
        .dataplaneResource(s.registerViaBootstrap() ? i.dataplaneJson(s.mesh(), s.protocol()) : null)
        .build();
  }

  @Override
  public Benchmark.Change mtls(String mode) {
    String json = CpApi.meshJson(s.mesh(), mode);
    return () -> join(api.putMesh(s.mesh(), json));
  }

  @Override
  public Benchmark.Change addInstance(Topology.Instance extra) {
    String json = extra.dataplaneJson(s.mesh(), s.protocol());
    return () -> join(api.putDataplane(s.mesh(), extra.name(), json));
  }

  @Override
  public OptionalDouble heapUsedBytes() throws IOException {
    if (s.cpPid() != null) {
      gc(s.cpPid());
    }
    double v = PrometheusText.sum(api.metrics(), "jvm_memory_used_bytes", Map.of("area", "heap"));
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  @Override
  public String heapMethod() {
    return s.cpPid() != null
        ? "jvm_memory_used_bytes{area=\"heap\"} from /metrics right after `jcmd " + s.cpPid()
            + " GC.run`"
        : "jvm_memory_used_bytes{area=\"heap\"} from /metrics without a forced GC (noisy; pass"
            + " --cp-pid for a GC first)";
  }

  private static void gc(String pid) throws IOException {
    Process p = new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("jcmd " + pid + " GC.run failed: " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public OptionalDouble cpuSeconds() throws IOException {
    double v = PrometheusText.sum(api.metrics(), "process_cpu_seconds_total", Map.of());
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  @Override
  public void cleanUp(List<Topology.Instance> instances) throws IOException {
    Bulk.run(instances, s.httpConcurrency(), i -> api.deleteDataplane(s.mesh(), i.name()));
    join(api.deleteMesh(s.mesh()));
  }

  private static <T> T join(CompletableFuture<T> f) throws IOException {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    // the HTTP clients need no closing
  }
}
