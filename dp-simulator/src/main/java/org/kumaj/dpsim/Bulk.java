package org.kumaj.dpsim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/** Runs an asynchronous call for many items with at most {@code concurrency} in flight. */
final class Bulk {

  private Bulk() {}

  /**
   * The results in item order.
   *
   * @throws IOException naming how many calls failed and the first failure
   */
  static <T, R> List<R> run(List<T> items, int concurrency,
      Function<T, CompletableFuture<R>> call) throws IOException {
    Semaphore permits = new Semaphore(concurrency);
    List<CompletableFuture<R>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      permits.acquireUninterruptibly();
      CompletableFuture<R> f;
      try {
        f = call.apply(item);
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      f.whenComplete((r, e) -> permits.release());
      futures.add(f);
    }
    List<R> out = new ArrayList<>(items.size());
    Throwable first = null;
    int failed = 0;
    for (CompletableFuture<R> f : futures) {
      try {
        out.add(f.join());
      } catch (CompletionException e) {
        failed++;
        if (first == null) {
          first = e.getCause() == null ? e : e.getCause();
        }
        out.add(null);
      }
    }
    if (first != null) {
      throw new IOException(failed + " of " + items.size() + " calls failed; first: "
          + first.getMessage(), first);
    }
    return out;
  }
}
