package org.kumaj.cp.xds.generator;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Small constructors for the protobuf and Envoy core values every builder needs. */
final class Protos {
  private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  private Protos() {}

  static Duration seconds(long seconds) {
    return Duration.newBuilder().setSeconds(seconds).build();
  }

  static Duration millis(long millis) {
    return Duration.newBuilder().setSeconds(millis / 1000).setNanos((int) (millis % 1000) * 1_000_000).build();
  }

  static UInt32Value uint32(int value) {
    return UInt32Value.of(value);
  }

  static BoolValue bool(boolean value) {
    return BoolValue.of(value);
  }

  static Any pack(Message message) {
    return Any.pack(message);
  }

  /** A TCP socket address. */
  static Address socket(String address, int port) {
    return Address.newBuilder()
        .setSocketAddress(SocketAddress.newBuilder().setAddress(address).setPortValue(port))
        .build();
  }

  /** {@code {ads: {}, resourceApiVersion: V3}}: the only config source Kuma (and grpc-xds) use. */
  static ConfigSource ads() {
    return ConfigSource.newBuilder()
        .setAds(AggregatedConfigSource.getDefaultInstance())
        .setResourceApiVersion(ApiVersion.V3)
        .build();
  }

  /** A struct of string values, keys sorted. */
  static Struct stringStruct(Map<String, String> values) {
    Struct.Builder struct = Struct.newBuilder();
    new TreeMap<>(values).forEach((k, v) -> struct.putFields(k, Value.newBuilder().setStringValue(v).build()));
    return struct.build();
  }

  /** Whether a text is a dotted-quad IPv4 address. */
  static boolean isIpv4(String address) {
    return address != null && IPV4.matcher(address).matches();
  }

  /** Whether a textual IP address is IPv6. */
  static boolean isIpv6(String address) {
    return address != null && address.indexOf(':') >= 0;
  }
}
