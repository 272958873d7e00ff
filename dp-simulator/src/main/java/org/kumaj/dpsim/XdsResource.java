package org.kumaj.dpsim;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.List;
import java.util.Optional;

/**
 * One resource a simulated proxy has accepted (ACKed): its name, version, a hash of its bytes and,
 * unless the proxy was told not to retain payloads, the resource itself. Immutable.
 */
public final class XdsResource {
  private final XdsType type;
  private final String name;
  private final String version;
  private final int contentHash;
  private final Any payload;
  private final Refs refs;

  XdsResource(XdsType type, String name, String version, Any payload, boolean retain, Refs refs) {
    this.type = type;
    this.name = name;
    this.version = version;
    this.contentHash = payload.getValue().hashCode();
    this.payload = retain ? payload : null;
    this.refs = refs;
  }

  /** The resource type. */
  public XdsType type() {
    return type;
  }

  /** The resource name (listener/cluster/route configuration/secret name, CLA cluster name). */
  public String name() {
    return name;
  }

  /**
   * The version: the resource's own version on a delta stream, the response's {@code version_info}
   * on a SotW stream.
   */
  public String version() {
    return version;
  }

  /** A hash of the serialized resource; equal bytes give equal hashes. */
  public int contentHash() {
    return contentHash;
  }

  /** The resource as received, if the proxy retains payloads. */
  public Optional<Any> payload() {
    return Optional.ofNullable(payload);
  }

  /**
   * Parses the retained payload, e.g. {@code resource.parse(Listener.parser())}.
   *
   * @throws IllegalStateException if payloads are not retained or the bytes do not parse
   */
  public <T extends Message> T parse(Parser<T> parser) {
    if (payload == null) {
      throw new IllegalStateException(type.shortName() + " resource " + name
          + " was not retained (ProxyOptions.retainPayloads is false)");
    }
    try {
      return parser.parseFrom(payload.getValue());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot parse " + type.shortName() + " resource " + name, e);
    }
  }

  /** For a load assignment: its endpoints as {@code address:port} (or {@code pipe:path}). */
  public List<String> endpoints() {
    return refs.endpoints();
  }

  Refs refs() {
    return refs;
  }

  @Override
  public String toString() {
    return type.shortName() + " " + name + " v" + version;
  }
}
