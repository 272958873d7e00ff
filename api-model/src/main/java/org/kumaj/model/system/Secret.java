package org.kumaj.model.system;

import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * A mesh-scoped secret (certificates, keys, tokens). Only admins may read or write it.
 *
 * @param data the secret bytes as base64 text (a {@code google.protobuf.BytesValue}, so kept even
 *     when empty); binding fails when it is not base64
 */
public record Secret(@ProtoJson.Bytes String data) implements ResourceSpec {
  /** Kuma's KDS flags shared by Secret and GlobalSecret. */
  static final int KDS_FLAGS = KdsFlags.GLOBAL_TO_ZONES | KdsFlags.PROVIDED_BY_ZONE;

  public static final ResourceType TYPE = ResourceType.builder("Secret")
      .scope(Scope.MESH)
      .spec(SpecStyle.INLINE, Secret.class)
      .wsPath("secrets")
      .kumactl("secret", "secrets")
      .displayNames("Secret", "Secrets")
      .kdsFlags(KDS_FLAGS)
      .adminOnly()
      .build();
}
