package org.kumaj.cp.diagnostics;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Tracks which start-up conditions are still pending. {@code /ready} answers 200 only when every
 * registered condition has been met. Thread-safe.
 */
@Singleton
public final class Readiness {
  private final Map<String, Boolean> conditions = new ConcurrentHashMap<>();

  /** Declares a condition that must be met before the control plane is ready. */
  public void expect(String condition) {
    conditions.putIfAbsent(condition, false);
  }

  /** Marks {@code condition} as met. */
  public void met(String condition) {
    conditions.put(condition, true);
  }

  /** Marks {@code condition} as no longer met (e.g. the store stopped answering). */
  public void lost(String condition) {
    conditions.put(condition, false);
  }

  public boolean isReady() {
    return !conditions.isEmpty() && !conditions.containsValue(false);
  }

  /** The conditions not met yet, for logs and the {@code /ready} body. */
  public Set<String> pending() {
    return conditions.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
