package org.kumaj.cp.xds.generator;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;
import com.google.protobuf.Message;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The parts of proxy configurations that are built from the same inputs, kept as one object while
 * any of them is in use: an outbound service's cluster and load assignment, an outbound listener, an
 * inbound's local cluster and HTTP connection manager. The key is a record of everything the part is built from, so a
 * hit is the part the inputs give, whichever proxy or mesh view asks.
 *
 * <p>Sharing is what makes large meshes cheap: the proxies consuming a service get that one object,
 * and a regeneration that leaves a part's inputs alone gets the object the proxy already holds, so
 * comparing it with the previous snapshot stops at {@code ==} and it is never serialised again
 * (the control plane packs each object once). Values are held weakly: a part lives as long as a
 * snapshot holds it, and its entry goes with it. Thread-safe; a part is built once per key at a time.
 */
final class SharedResources {
  private final Cache<Record, Message> parts = CacheBuilder.newBuilder().weakValues().build();

  /**
   * The part for {@code key}, built by {@code build} when no live one exists.
   *
   * @param key every input of the part, by value; one record type per kind of part
   * @param build builds the part from exactly those inputs
   */
  @SuppressWarnings("unchecked")
  <T extends Message> T get(Record key, Supplier<T> build) {
    try {
      return (T) parts.get(key, build::get);
    } catch (ExecutionException | UncheckedExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
  }

  /** How many parts are live; for tests. */
  long size() {
    parts.cleanUp();
    return parts.size();
  }
}
