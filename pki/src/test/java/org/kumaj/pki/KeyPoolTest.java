package org.kumaj.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class KeyPoolTest {

  @Test
  void fillsUpToItsCapacityAndHandsOutEachKeyOnce() {
    try (KeyPool pool = new KeyPool(KeyType.ECDSA, 8, 2)) {
      await(() -> pool.available() == 8, "the pool fills up");
      Set<Object> seen = new HashSet<>();
      for (int i = 0; i < 8; i++) {
        KeyPair key = pool.next();
        assertThat(key.getPublic().getAlgorithm()).isEqualTo("EC");
        assertThat(seen.add(key.getPublic())).as("key handed out twice").isTrue();
      }
      assertThat(pool.served()).isEqualTo(8);
      await(() -> pool.available() == 8, "the pool refills");
      assertThat(pool.available()).as("never above capacity").isEqualTo(8);
    }
  }

  @Test
  void generatesInTheCallersThreadWhenEmptyAndStopsOnClose() {
    KeyPool pool = new KeyPool(KeyType.ECDSA, 1, 1);
    pool.close();
    await(() -> !pool.filling(), "filler threads stop");
    assertThat(pool.available()).isZero();

    KeyPair key = pool.next();
    assertThat(key).isNotNull();
    assertThat(pool.generatedInline()).isEqualTo(1);
    assertThat(pool.type()).isEqualTo(KeyType.ECDSA);
  }

  @Test
  void refusesAnEmptyPool() {
    assertThatThrownBy(() -> new KeyPool(KeyType.RSA, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyPool(KeyType.RSA, 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void freshSourceGeneratesEveryTime() {
    KeySource fresh = KeySource.fresh(KeyType.ECDSA);
    assertThat(fresh.next().getPublic()).isNotEqualTo(fresh.next().getPublic());
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
