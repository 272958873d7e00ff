package org.kumaj.dpsim;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the benchmark measures against: our control plane through its HTTP API and dp-server, or
 * a SimpleCache fed with synthetic snapshots. A change is prepared first (e.g. snapshots
 * generated) and returned as a {@link Benchmark.Change} whose {@code submit()} is what the
 * benchmark times: it returns once the change is stored; proxies see it later.
 */
interface BenchTarget extends AutoCloseable {

  /** One line naming the target. */
  String describe();

  /** Creates the mesh without mTLS and stores the Dataplanes. */
  void setUp(List<Topology.Instance> instances) throws IOException;

  /** Starts the proxies of these instances (bootstrap, then ADS) and returns them in order. */
  List<SimulatedProxy> connect(DpSimulator simulator, List<Topology.Instance> instances)
      throws IOException;

  /** Switches the mesh's builtin mTLS to {@code STRICT} or {@code PERMISSIVE}. */
  Benchmark.Change mtls(String mode);

  /** Stores one more Dataplane. */
  Benchmark.Change addInstance(Topology.Instance extra);

  /** The control plane's heap in use (after a GC where possible), if it can be measured. */
  OptionalDouble heapUsedBytes() throws IOException;

  /** How the heap is measured, for the report. */
  String heapMethod();

  /** The control plane's CPU seconds so far, if known. */
  OptionalDouble cpuSeconds() throws IOException;

  /** Removes what {@link #setUp} and {@link #addInstance} stored. */
  void cleanUp(List<Topology.Instance> instances) throws IOException;

  @Override
  void close();
}
