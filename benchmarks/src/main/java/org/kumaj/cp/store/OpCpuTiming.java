package org.kumaj.cp.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.mesh.Dataplane;

/**
 * The work one store operation costs the calling thread, as CPU time rather than wall time, so
 * that the figures mean something on a machine shared with other jobs (JMH's wall-clock figures
 * there mostly measure waiting for a core). Same operations and data as {@link StoreBenchmark}:
 * 10,000 dataplanes; create, get, update and a page of 100. For PostgreSQL the server's own work
 * (and its fsync on commit) is not included; for H2 it is, except waiting for the disk.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.kumaj.cp.store.OpCpuTiming [backend...]</pre>
 */
public final class OpCpuTiming {
  private static final int POPULATION = 10_000;
  /** Warm-up per operation: at least this many calls and this long, up to {@link #WARMUP_MAX} calls. */
  private static final int WARMUP = 2_000;
  private static final int WARMUP_MAX = 50_000;
  private static final long WARMUP_NANOS = Long.getLong("bench.warmup.seconds", 15) * 1_000_000_000L;
  private static final int MEASURED = 2_000;

  private OpCpuTiming() {}

  public static void main(String[] args) {
    List<String> backends = args.length == 0 ? List.of("memory", "h2", "postgres") : Arrays.asList(args);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.println("backend   op        cpu_us/op  wall_us/op  (" + MEASURED + " ops after at least " + WARMUP
        + " warm-up ops and " + WARMUP_NANOS / 1_000_000_000L + " s, " + POPULATION + " dataplanes)");
    for (String backend : backends) {
      try (BenchStore bench = BenchStore.open(backend)) {
        ResourceStore store = bench.store();
        bench.populate("default", POPULATION);
        Resource[] updating = {store.create(BenchStore.dataplane("bench-update", "updated", 0), null)};
        Map<String, IntConsumer> ops = new java.util.LinkedHashMap<>();
        ops.put("create", i -> store.create(BenchStore.dataplane("bench-create", "c-" + i, i), null));
        ops.put("get", i -> store.get(new ResourceKey(Dataplane.TYPE, "default", BenchStore.name(i * 7919 % POPULATION))));
        ops.put("update", i -> updating[0] = store.update(
            updating[0].withSpec(BenchStore.dataplane("bench-update", "updated", i).spec())));
        ops.put("list100", i -> store.list(new ResourceQuery(Dataplane.TYPE, "default", null, Map.of(), 100,
            Integer.toString(i * 37 % (POPULATION / 100) * 100))));
        int base = 0;
        for (Map.Entry<String, IntConsumer> op : ops.entrySet()) {
          long warmStart = System.nanoTime();
          int warm = 0;
          while (warm < WARMUP || (warm < WARMUP_MAX && System.nanoTime() - warmStart < WARMUP_NANOS)) {
            op.getValue().accept(base + warm++);
          }
          base += warm;
          long cpu0 = threads.getCurrentThreadCpuTime();
          long wall0 = System.nanoTime();
          for (int i = 0; i < MEASURED; i++) {
            op.getValue().accept(base + i);
          }
          long cpu = threads.getCurrentThreadCpuTime() - cpu0;
          long wall = System.nanoTime() - wall0;
          base += MEASURED;
          System.out.printf("%-8s  %-8s  %9.1f  %10.1f%n", backend, op.getKey(), cpu / 1e3 / MEASURED,
              wall / 1e3 / MEASURED);
        }
      }
    }
  }
}
