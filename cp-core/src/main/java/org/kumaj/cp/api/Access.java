package org.kumaj.cp.api;

import java.util.List;
import java.util.Set;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.model.ResourceType;

/**
 * Kuma's static access control ({@code access.type: static}, {@code access.static.*}): each guarded
 * action has a list of users and groups; a caller may act when its name or one of its groups is
 * listed. Guarded here: admin-only resource types (Secret, GlobalSecret), issuing dataplane, zone
 * and user tokens, the control-plane metadata ({@code /config}) and a proxy's Envoy admin data
 * (config dump, stats, clusters). Denials carry Kuma's 403 text.
 * Immutable.
 */
final class Access {
  private final Rule adminResources;
  private final Rule dataplaneTokens;
  private final Rule zoneTokens;
  private final Rule userTokens;
  private final Rule metadata;
  private final Rule configDump;
  private final Rule stats;
  private final Rule clusters;

  Access(KumaConfig config) {
    this.adminResources = Rule.of(config, "adminResources");
    this.dataplaneTokens = Rule.of(config, "generateDpToken");
    this.zoneTokens = Rule.of(config, "generateZoneToken");
    this.userTokens = Rule.of(config, "generateUserToken");
    this.metadata = Rule.of(config, "controlPlaneMetadata");
    this.configDump = Rule.of(config, "viewConfigDump");
    this.stats = Rule.of(config, "viewStats");
    this.clusters = Rule.of(config, "viewClusters");
  }

  /** Reading or writing a type Kuma marks admin-only. */
  void resource(ResourceType type, User user) {
    if (type.adminOnly()) {
      adminResources.check(user, "the resource of type \"" + type.name() + "\"");
    }
  }

  void controlPlaneMetadata(User user) {
    metadata.check(user, "control-plane metadata");
  }

  /** Kuma's {@code EnvoyAdminAccess}: the config dump, stats and clusters of a proxy. */
  void viewConfigDump(User user) {
    configDump.check(user, "envoy proxy info");
  }

  void viewStats(User user) {
    stats.check(user, "envoy proxy info");
  }

  void viewClusters(User user) {
    clusters.check(user, "envoy proxy info");
  }

  void generateDataplaneToken(User user) {
    dataplaneTokens.check(user, "generate dataplane token");
  }

  void generateZoneToken(User user, String zone) {
    zoneTokens.check(user, "generate zone token for zone '" + zone + "'");
  }

  /** Kuma words this denial without naming the user. */
  void generateUserToken(User user) {
    if (!userTokens.allows(user)) {
      throw denied("action not allowed");
    }
  }

  private static ApiException denied(String reason) {
    return new ApiException(KumaError.of(403, "Access Denied", reason));
  }

  private record Rule(Set<String> users, Set<String> groups) {
    static Rule of(KumaConfig config, String action) {
      String prefix = "access.static." + action + ".";
      return new Rule(Set.copyOf(config.strings(prefix + "users")), Set.copyOf(config.strings(prefix + "groups")));
    }

    boolean allows(User user) {
      return users.contains(user.name()) || user.groups().stream().anyMatch(groups::contains);
    }

    void check(User user, String what) {
      if (!allows(user)) {
        throw denied("user " + goQuote(user.describe()) + " cannot access " + what);
      }
    }
  }

  /** Go's {@code %q} for the characters user names contain in practice. */
  static String goQuote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The groups an authenticated user has: its own plus {@code mesh-system:authenticated}. */
  static List<String> authenticatedGroups(List<String> groups) {
    List<String> out = new java.util.ArrayList<>(groups);
    out.add(User.AUTHENTICATED_GROUP);
    return out;
  }
}
