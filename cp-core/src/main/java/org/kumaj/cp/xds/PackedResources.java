package org.kumaj.cp.xds;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.protobuf.Any;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import com.google.protobuf.UnsafeByteOperations;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.server.serializer.ProtoResourcesSerializer;
import java.io.IOException;
import java.util.concurrent.ExecutionException;

/**
 * Each xDS resource object packed into an {@link Any} once for as long as it lives: its
 * deterministic serialisation, which is both what {@link SnapshotVersions} hashes into the
 * resource's version and what the discovery server sends.
 *
 * <p>A resource kept unchanged from one snapshot to the next is the same object (see {@link
 * SnapshotVersions}), and a resource the generator shares between proxies is one object for all of
 * them, so a SotW response that resends a type after one of its resources changed serialises only
 * that one, and a shared resource is serialised once however many proxies receive it. Entries are
 * keyed by object identity and go with their resource (weak keys), so nothing outlives the
 * snapshots that hold it. Thread-safe.
 */
final class PackedResources implements ProtoResourcesSerializer {
  private static final String TYPE_URL_PREFIX = "type.googleapis.com/";

  private final Cache<Message, Any> packed = CacheBuilder.newBuilder().weakKeys().build();

  /** {@code resource} packed, its bytes the deterministic serialisation; the same Any while it lives. */
  Any pack(Message resource) {
    try {
      return packed.get(resource, () -> Any.newBuilder()
          .setTypeUrl(TYPE_URL_PREFIX + resource.getDescriptorForType().getFullName())
          .setValue(UnsafeByteOperations.unsafeWrap(deterministic(resource)))
          .build());
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The discovery server's serialisation: {@link #pack} (every resource here is an xDS v3 one). */
  @Override
  public Any serialize(Message resource, Resources.ApiVersion apiVersion) {
    return pack(resource);
  }

  /** How many resources are packed right now; for tests. */
  long size() {
    packed.cleanUp();
    return packed.size();
  }

  private static byte[] deterministic(Message resource) {
    try {
      byte[] bytes = new byte[resource.getSerializedSize()];
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      resource.writeTo(out);
      out.checkNoSpaceLeft();
      return bytes;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
