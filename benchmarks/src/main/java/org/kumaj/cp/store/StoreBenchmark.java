package org.kumaj.cp.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.mesh.Dataplane;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded latency of the store operations on each backend, with 10,000 dataplanes in mesh
 * {@code default}: create (in another mesh, so the listed mesh keeps its size), get by key, update
 * of one resource (optimistic version carried over), and one page of 100 at a random offset.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
// 16 s of warm-up: on a loaded 2-vCPU machine the H2 and PostgreSQL paths need some 20,000 calls
// before C2 has compiled them (a get costs 10x its warm CPU time after 2,000).
@Warmup(iterations = 4, time = 4)
@Measurement(iterations = 3, time = 2)
public class StoreBenchmark {
  static final int POPULATION = 10_000;
  static final String MESH = "default";

  @Param({"memory", "h2", "postgres"})
  public String backend;

  private BenchStore bench;
  private ResourceStore store;
  private Resource updating;
  private long created;
  private int cursor;

  @Setup(Level.Trial)
  public void setUp() {
    bench = BenchStore.open(backend);
    store = bench.store();
    bench.populate(MESH, POPULATION);
    updating = store.create(BenchStore.dataplane("bench-update", "updated", 0), null);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    bench.close();
  }

  @Benchmark
  public Resource create() {
    long n = created++;
    return store.create(BenchStore.dataplane("bench-create", "c-" + n, (int) n), null);
  }

  @Benchmark
  public Optional<Resource> get() {
    cursor = (cursor + 7919) % POPULATION;
    return store.get(new ResourceKey(Dataplane.TYPE, MESH, BenchStore.name(cursor)));
  }

  @Benchmark
  public Resource update() {
    cursor++;
    updating = store.update(updating.withSpec(BenchStore.dataplane("bench-update", "updated", cursor).spec()));
    return updating;
  }

  @Benchmark
  public ResourceList list100() {
    cursor = (cursor + 37) % (POPULATION / 100);
    return store.list(new ResourceQuery(Dataplane.TYPE, MESH, null, Map.of(), 100, Integer.toString(cursor * 100)));
  }
}
