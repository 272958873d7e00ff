package org.kumaj.cp.launcher;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import org.kumaj.cp.config.ConfigException;
import org.kumaj.cp.config.KumaConfig;

/**
 * Which control plane an executable is. The role is fixed by the jar; it sets the default
 * {@code mode} and refuses a configuration whose {@code mode} says otherwise.
 */
public enum Role {
  /** A zone control plane with no global (Kuma's deprecated {@code standalone} mode). */
  STANDALONE("kuma-cp-standalone", "zone", List.of("standalone", "zone")),
  /** A zone control plane federated under a global one. */
  ZONE("kuma-cp-zone", "zone", List.of("zone")),
  /** The global control plane of a multi-zone deployment. */
  GLOBAL("kuma-cp-global", "global", List.of("global"));

  private final String executable;
  private final String defaultMode;
  private final List<String> acceptedModes;

  Role(String executable, String defaultMode, List<String> acceptedModes) {
    this.executable = executable;
    this.defaultMode = defaultMode;
    this.acceptedModes = acceptedModes;
  }

  public String executable() {
    return executable;
  }

  /** Configuration defaults this role puts under the user's file and environment. */
  public Map<String, com.fasterxml.jackson.databind.JsonNode> defaults() {
    return Map.of("mode", TextNode.valueOf(defaultMode));
  }

  /**
   * Refuses a configuration that belongs to another role.
   *
   * @throws ConfigException naming {@code mode} / {@code KUMA_MODE}
   */
  void check(KumaConfig config) {
    String mode = config.string("mode");
    if (!acceptedModes.contains(mode)) {
      throw new ConfigException(executable + " runs mode " + String.join(" or ", acceptedModes)
          + ", but " + KumaConfig.describeKey("mode") + " is \"" + mode + "\"; unset it or use the "
          + suggestion(mode) + " executable");
    }
    if (this == STANDALONE && config.isFederatedZone()) {
      throw new ConfigException(executable + " runs a zone without a global control plane, but "
          + KumaConfig.describeKey("multizone.zone.globalAddress") + " is set; use the kuma-cp-zone "
          + "executable for a federated zone (" + KumaConfig.describeKey("mode") + " = zone)");
    }
  }

  private static String suggestion(String mode) {
    return switch (mode) {
      case "global" -> GLOBAL.executable;
      case "zone" -> ZONE.executable;
      default -> STANDALONE.executable;
    };
  }
}
