package org.kumaj.cp.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kumaj.model.mesh.Dataplane;

/**
 * Times listing 10,000 dataplanes page by page (pages of 100 and of 1000, following
 * {@code nextOffset} to the end) on each backend given as an argument (default: memory h2
 * postgres). Prints, per backend and page size, the fastest and the median of the rounds.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.kumaj.cp.store.ListTiming [backend...]</pre>
 */
public final class ListTiming {
  private static final int POPULATION = 10_000;
  private static final int ROUNDS = 7;

  private ListTiming() {}

  public static void main(String[] args) {
    List<String> backends = args.length == 0 ? List.of("memory", "h2", "postgres") : Arrays.asList(args);
    System.out.println("backend   page  pages  best_ms  median_ms  (listing " + POPULATION + " dataplanes, "
        + ROUNDS + " rounds)");
    for (String backend : backends) {
      try (BenchStore bench = BenchStore.open(backend)) {
        long t0 = System.nanoTime();
        bench.populate("default", POPULATION);
        long populateMs = (System.nanoTime() - t0) / 1_000_000;
        for (int size : new int[] {100, 1000}) {
          walk(bench.store(), size); // warm-up round
          long[] times = new long[ROUNDS];
          int pages = 0;
          for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            pages = walk(bench.store(), size);
            times[r] = System.nanoTime() - start;
          }
          Arrays.sort(times);
          System.out.printf("%-8s %5d  %5d  %7.1f  %9.1f%n", backend, size, pages, times[0] / 1e6,
              times[ROUNDS / 2] / 1e6);
        }
        System.out.printf("%-8s (creating the %d dataplanes one by one took %d ms)%n", backend, POPULATION, populateMs);
      }
    }
  }

  /** Lists every dataplane of mesh {@code default}, {@code size} at a time; returns the page count. */
  private static int walk(ResourceStore store, int size) {
    String offset = null;
    int pages = 0;
    List<String> seen = new ArrayList<>(POPULATION);
    do {
      ResourceList page = store.list(new ResourceQuery(Dataplane.TYPE, "default", null, Map.of(), size, offset));
      page.items().forEach(r -> seen.add(r.meta().name()));
      offset = page.nextOffset();
      pages++;
    } while (offset != null);
    if (seen.size() != POPULATION) {
      throw new IllegalStateException("listed " + seen.size() + " dataplanes, expected " + POPULATION);
    }
    return pages;
  }
}
