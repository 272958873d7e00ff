package org.kumaj.model.system;

import java.util.List;
import org.kumaj.model.ResourceType;

/** The descriptors of Kuma's system types: secrets, zones and internal configuration. */
public final class SystemTypes {
  public static final List<ResourceType> ALL = List.of(
      Secret.TYPE,
      GlobalSecret.TYPE,
      Zone.TYPE,
      ZoneInsight.TYPE,
      Config.TYPE);

  private SystemTypes() {}
}
