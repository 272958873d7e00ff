package org.kumaj.dpsim;

import io.envoyproxy.controlplane.cache.v3.Snapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The baseline alone: a SimpleCache server fed with {@link SyntheticMesh} snapshots; every change
 * re-publishes the snapshot of every proxy (SimpleCache answers only those whose versions changed).
 */
final class SyntheticTarget implements BenchTarget {
  private final Benchmark.Settings s;
  private final BaselineServer server;
  private Topology topology;
  private SyntheticMesh.Mtls mtls = SyntheticMesh.Mtls.OFF;

  SyntheticTarget(Benchmark.Settings settings) throws IOException {
    this.s = settings;
    this.server = settings.baselineTls() ? BaselineServer.startTls() : BaselineServer.startPlaintext();
  }

  @Override
  public String describe() {
    return "in-process SimpleCache at " + server.target() + " with synthetic Kuma-shaped snapshots";
  }

  @Override
  public void setUp(List<Topology.Instance> instances) throws IOException {
    topology = new Topology(List.copyOf(instances), s.services());
    prepare().submit();
  }

  /** Generates every snapshot now; the returned change only hands them to the cache. */
  private Benchmark.Change prepare() {
    Map<String, Snapshot> snapshots = SyntheticMesh.snapshots(s.mesh(), topology, mtls);
    return () -> snapshots.forEach(server::setSnapshot);
  }

  @Override
  public List<SimulatedProxy> connect(DpSimulator simulator, List<Topology.Instance> instances) {
    List<SimulatedProxy> out = new ArrayList<>(instances.size());
    for (Topology.Instance i : instances) {
      out.add(simulator.connect(server.target(), ProxyOptions
          .builder(SyntheticMesh.nodeId(s.mesh(), i))
          .nodeCluster(i.service())
          .mode(s.mode())
          .nodeOnEveryRequest(true)
          .build()));
    }
    return out;
  }

  @Override
  public Benchmark.Change mtls(String mode) {
    mtls = SyntheticMesh.Mtls.valueOf(mode);
    return prepare();
  }

  @Override
  public Benchmark.Change addInstance(Topology.Instance extra) {
    topology = topology.plus(extra);
    return prepare();
  }

  @Override
  public OptionalDouble heapUsedBytes() {
    return OptionalDouble.empty();
  }

  @Override
  public String heapMethod() {
    return "n/a (baseline only)";
  }

  @Override
  public OptionalDouble cpuSeconds() {
    return OptionalDouble.empty();
  }

  @Override
  public void cleanUp(List<Topology.Instance> instances) throws IOException {
    // nothing stored outside this process
  }

  @Override
  public void close() {
    server.close();
  }
}
