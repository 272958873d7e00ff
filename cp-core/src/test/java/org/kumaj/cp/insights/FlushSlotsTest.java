package org.kumaj.cp.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kumaj.cp.xds.ProxyId;

/** Insight writes are spread over the flush interval: the proxies of a mesh fill every slot. */
class FlushSlotsTest {

  @Test
  void aThousandProxiesAreSpreadOverAllSlots() {
    Map<Integer, Integer> perSlot = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      ProxyId proxy = new ProxyId("bench", "svc-" + i / 2 + "-" + i % 2);
      int slot = DataplaneInsightTracker.slot(proxy);
      assertThat(slot).isBetween(0, DataplaneInsightTracker.FLUSH_SLOTS - 1)
          .isEqualTo(DataplaneInsightTracker.slot(new ProxyId("bench", "svc-" + i / 2 + "-" + i % 2)));
      perSlot.merge(slot, 1, Integer::sum);
    }
    assertThat(perSlot).hasSize(DataplaneInsightTracker.FLUSH_SLOTS);
    // no slot carries more than twice its share of the writes after a mesh-wide push
    assertThat(perSlot.values()).allMatch(n -> n >= 50 && n <= 200);
  }
}
