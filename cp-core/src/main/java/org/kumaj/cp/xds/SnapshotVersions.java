package org.kumaj.cp.xds;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Content versions of xDS resource lists: equal lists get equal versions (deterministic protobuf
 * serialisation, so map order does not matter), so an unchanged type is never resent (Kuma's
 * {@code autoVersion}). Stateless.
 */
final class SnapshotVersions {
  private SnapshotVersions() {}

  static String of(List<? extends Message> resources) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Message m : resources) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(m.getSerializedSize());
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.useDeterministicSerialization();
        m.writeTo(out);
        out.flush();
        digest.update(bytes.toByteArray());
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
