package org.kumaj.cp.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.kumaj.cp.events.EventBus;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.mesh.Dataplane;

/**
 * Times opening the H2 store in a fresh JVM, as the control plane does at start-up: the first open
 * migrates the file if needed, then the store is opened once more in the same JVM (warm) and the
 * first query is timed. Run it twice on one file to see the cold open of an already-migrated store.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.kumaj.cp.store.OpenTiming /tmp/kuma-store</pre>
 */
public final class OpenTiming {
  private OpenTiming() {}

  public static void main(String[] args) {
    Path file = Path.of(args.length > 0 ? args[0] : "/tmp/kumaj-open-timing/kuma-store");
    long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    long t0 = System.nanoTime();
    ResourceStore store = open(file);
    long opened = System.nanoTime();
    store.get(new ResourceKey(Dataplane.TYPE, "default", "dp-00000"));
    long firstQuery = System.nanoTime();
    store.close();
    long t1 = System.nanoTime();
    open(file).close();
    long warm = System.nanoTime() - t1;
    System.out.printf("cold open %d ms, first get %d ms, warm open %d ms (JVM up %d ms before the first open)%n",
        (opened - t0) / 1_000_000, (firstQuery - opened) / 1_000_000, warm / 1_000_000,
        System.currentTimeMillis() - jvmStart - (System.nanoTime() - t0) / 1_000_000);
  }

  private static ResourceStore open(Path file) {
    return JpaResourceStore.open(StoreDatabase.h2(file), Clock.systemUTC(), new EventBus(),
        n -> Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }
}
