package org.kumaj.model.system;

import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * A control-plane wide secret (signing keys, CA of the admin API); same body as {@link Secret} but
 * global-scoped. Only admins may read or write it. Kuma serves it on two paths.
 *
 * @param data the secret bytes as base64 text; binding fails when it is not base64
 */
public record GlobalSecret(@ProtoJson.Bytes String data) implements ResourceSpec {
  public static final ResourceType TYPE = ResourceType.builder("GlobalSecret")
      .scope(Scope.GLOBAL)
      .spec(SpecStyle.INLINE, GlobalSecret.class)
      .wsPath("globalsecrets")
      .alternativeWsPath("global-secrets")
      .kumactl("globalsecret", "globalsecrets")
      .kumactlAliases("global-secret", "global-secrets")
      .displayNames("Global Secret", "Global Secrets")
      .kdsFlags(Secret.KDS_FLAGS)
      .adminOnly()
      .build();
}
