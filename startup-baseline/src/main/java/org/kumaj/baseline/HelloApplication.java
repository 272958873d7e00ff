package org.kumaj.baseline;

import io.micronaut.runtime.Micronaut;

/**
 * The smallest Micronaut HTTP application: one route. Its time from {@code java -jar} to the first
 * 200 is the baseline our start-up time is compared with (docs/benchmarks.md). Port from
 * {@code MICRONAUT_SERVER_PORT} (default 8080).
 */
public final class HelloApplication {
  private HelloApplication() {}

  public static void main(String[] args) {
    Micronaut.run(HelloApplication.class, args);
  }
}
