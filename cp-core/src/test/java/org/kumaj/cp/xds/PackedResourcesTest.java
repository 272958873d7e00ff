package org.kumaj.cp.xds;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kumaj.testing.Collected;

/** One deterministic packing per live resource object, shared by the versions and the server. */
class PackedResourcesTest {
  private final PackedResources packed = new PackedResources();

  /** A listener whose metadata map gets its keys in the given order. */
  private static Listener listener(String... keys) {
    Struct.Builder struct = Struct.newBuilder();
    for (String key : keys) {
      struct.putFields(key, Value.newBuilder().setStringValue(key.toUpperCase()).build());
    }
    return Listener.newBuilder().setName("l")
        .setMetadata(Metadata.newBuilder().putFilterMetadata("io.kuma.tags", struct.build())).build();
  }

  @Test
  void packsDeterministicallyWithTheUsualTypeUrl() throws Exception {
    Listener forward = listener("a", "b", "c", "d", "e");
    Listener backward = listener("e", "d", "c", "b", "a");

    Any one = packed.pack(forward);
    Any two = packed.pack(backward);

    assertThat(one.getTypeUrl()).isEqualTo(Any.pack(forward).getTypeUrl())
        .isEqualTo(Resources.V3.LISTENER_TYPE_URL);
    assertThat(one.getValue()).isEqualTo(two.getValue());
    assertThat(one.unpack(Listener.class)).isEqualTo(forward);
  }

  @Test
  void theSameObjectIsPackedOnceAndServedAsIs() {
    Listener listener = listener("a");

    Any first = packed.pack(listener);

    assertThat(packed.pack(listener)).isSameAs(first);
    assertThat(packed.serialize(listener, Resources.ApiVersion.V3)).isSameAs(first);
    // equal but another object: packed again (identity, not a deep comparison per lookup)
    assertThat(packed.pack(listener("a"))).isNotSameAs(first).isEqualTo(first);
  }

  @Test
  void packingsGoWithTheirResources() throws InterruptedException {
    List<Listener> live = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      live.add(listener("k" + i));
      packed.pack(live.get(i));
    }
    assertThat(packed.size()).isEqualTo(100);

    live.clear();
    assertThat(Collected.awaitNone(packed::size)).isZero();
  }
}
