package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kumaj.model.validation.GoStrings;

/**
 * {@code kumactl export} (Kuma's {@code app/kumactl/cmd/export/export.go}): prints every resource
 * of the control plane that the profile selects, meshes first, as a multi-document YAML that
 * {@code kumactl apply} (universal) or {@code kubectl apply} (kubernetes) can replay elsewhere.
 *
 * <p>Which types are exported comes from the server's {@code GET /_resources} ({@code
 * includeInFederation}, {@code policy.isTargetRef}) and from our descriptor registry ({@link
 * Types.Type#adminOnly()}, scope), as Kuma does; types the server has and we do not know are
 * reported. Each type is listed per mesh, page by page (Kuma reads only the first page).
 * Meshes are rewritten to skip their default policies and to use their builtin CA certificates as
 * provided ones; the envoy-admin and inter-CP CAs are left out and user-token signing keys come
 * last. Stateless.
 */
final class ExportCommand {
  /** The one-line description shown in {@code kumactl --help}. */
  static final String SHORT = "Export Kuma resources";

  static final String PROFILE_FEDERATION = "federation";
  static final String PROFILE_FEDERATION_WITH_POLICIES = "federation-with-policies";
  static final String PROFILE_ALL = "all";
  static final String PROFILE_NO_DATAPLANES = "no-dataplanes";
  static final List<String> PROFILES =
      List.of(PROFILE_ALL, PROFILE_FEDERATION, PROFILE_FEDERATION_WITH_POLICIES, PROFILE_NO_DATAPLANES);
  static final String FORMAT_UNIVERSAL = "universal";
  static final String FORMAT_KUBERNETES = "kubernetes";

  /** Kuma's {@code mesh_proto.ResourceOriginLabel}, dropped by the federation profiles. */
  private static final int PAGE_SIZE = 1000;
  private static final String ORIGIN_LABEL = "kuma.io/origin";
  private static final String ENVOY_ADMIN_CA = "envoy-admin-ca";
  private static final String INTER_CP_CA = "inter-cp-ca";
  private static final String USER_TOKEN_SIGNING_KEY_PREFIX = "user-token-signing-key";
  private static final Set<String> KUBE_META_TO_CLEAN =
      Set.of("resourceVersion", "ownerReferences", "uid", "generation", "managedFields");

  private ExportCommand() {}

  static Cmd build(List<Types.Type> types) {
    return new Cmd("export")
        .help(SHORT, "Export Kuma resources.")
        .example("""

            Export Kuma resources
            $ kumactl export --profile federation --format universal > policies.yaml
            """)
        .noArgs()
        .flag(Flag.string("profile", 'p', PROFILE_FEDERATION,
            "Profile. Available values: " + String.join(",", PROFILES)))
        .flag(Flag.string("format", 'f', FORMAT_UNIVERSAL, "Policy format output. Available values: "
            + GoStrings.quote(FORMAT_UNIVERSAL) + ", " + GoStrings.quote(FORMAT_KUBERNETES)))
        .flag(Flag.string("system-namespace", 'n', "kuma-system",
            "Define namespace in which control-plane was installed"))
        .flag(new Flag("include-admin", 'a', Flag.Kind.BOOL, "false", "Include admin resource types (like secrets),"
            + " this flag is ignored on migration profiles like federation as these entities are required", null, false))
        .action(inv -> run(inv, types));
  }

  /** Kuma's {@code IsMigrationProfile}. */
  static boolean isMigrationProfile(String profile) {
    return profile.equals(PROFILE_FEDERATION) || profile.equals(PROFILE_FEDERATION_WITH_POLICIES);
  }

  private static void run(Invocation inv, List<Types.Type> types) throws KumactlException {
    JsonNode version = inv.checkCompatibility();
    if (version != null) {
      inv.out().print("# Product: " + version.path("product").asText("") + ", Version: "
          + version.path("version").asText("") + ", Hostname: " + version.path("hostname").asText("")
          + ", ClusterId: " + version.path("clusterId").asText("") + ", InstanceId: "
          + version.path("instanceId").asText("") + "\n");
    }
    String profile = inv.string("profile");
    String format = inv.string("format");
    if (!PROFILES.contains(profile)) {
      throw new KumactlException("invalid profile: " + GoStrings.quote(profile));
    }
    if (!format.equals(FORMAT_KUBERNETES) && !format.equals(FORMAT_UNIVERSAL)) {
      throw new KumactlException("invalid format: " + GoStrings.quote(format));
    }
    List<Types.Type> toDump = typesToDump(inv, types, profile);

    ApiClient api = inv.api();
    List<JsonNode> meshes;
    try {
      meshes = list(api, "/meshes");
    } catch (KumactlException e) {
      throw KumactlException.wrap("could not list meshes", e);
    }

    List<ObjectNode> meshResources = new ArrayList<>();
    List<ObjectNode> meshDepended = new ArrayList<>();
    List<ObjectNode> last = new ArrayList<>();
    for (Types.Type type : toDump) {
      if (!type.meshScoped()) {
        for (JsonNode item : listType(api, type, "")) {
          ObjectNode res = (ObjectNode) item;
          String name = res.path("name").asText("");
          if (type.name().equals("Mesh")) {
            res.set("skipCreatingInitialPolicies", JsonNodeFactory.instance.arrayNode().add("*"));
            changeBuiltinBackendsToProvided(res);
            meshResources.add(res);
            continue;
          }
          if (type.name().equals("GlobalSecret")) {
            // the envoy-admin and inter-CP CAs would break TLS on the other side
            if (name.equals(ENVOY_ADMIN_CA) || name.equals(INTER_CP_CA)) {
              continue;
            }
            // once applied, kumactl needs new credentials to apply anything else
            if (name.startsWith(USER_TOKEN_SIGNING_KEY_PREFIX)) {
              last.add(res);
              continue;
            }
          }
          meshDepended.add(res);
        }
      } else {
        for (JsonNode mesh : meshes) {
          for (JsonNode item : listType(api, type, mesh.path("name").asText(""))) {
            meshDepended.add((ObjectNode) item);
          }
        }
      }
    }
    List<ObjectNode> all = new ArrayList<>(meshResources);
    all.addAll(meshDepended);
    all.addAll(last);

    Set<String> excludedLabels = isMigrationProfile(profile) ? Set.of(ORIGIN_LABEL) : Set.of();
    StringBuilder out = new StringBuilder();
    if (format.equals(FORMAT_UNIVERSAL)) {
      for (ObjectNode res : all) {
        Types.Type type = Types.byName(types, res.path("type").asText("")).orElse(null);
        filterLabels(res, "labels", excludedLabels, true);
        out.append("---\n").append(Output.resourceYaml(res, type != null && type.newStyle()));
      }
    } else {
      String systemNamespace = inv.string("system-namespace");
      boolean printed = false;
      for (ObjectNode res : all) {
        Types.Type type = Types.byName(types, res.path("type").asText("")).orElseThrow();
        String mesh = type.meshScoped() ? res.path("mesh").asText("") : "";
        JsonNode obj = kubernetesObject(api, type, mesh, res.path("name").asText(""));
        if (!obj.isObject() || shouldSkipKubeObject((ObjectNode) obj, profile, systemNamespace)) {
          continue;
        }
        ObjectNode kube = (ObjectNode) obj;
        cleanKubeObject(kube);
        removeExcludedLabels(kube, excludedLabels);
        if (type.name().equals("Mesh")) {
          kube.set("spec", spec(res));
        }
        if (printed) {
          out.append("---\n");
        }
        printed = true;
        out.append(GoYaml.write(kube));
      }
    }
    inv.out().print(out);
  }

  /** Kuma's {@code resourcesTypesToDump}: the server's types the profile selects, meshes first. */
  private static List<Types.Type> typesToDump(Invocation inv, List<Types.Type> types, String profile)
      throws KumactlException {
    ApiClient.Response r = inv.api().getRaw("/_resources");
    if (r.status() != 200) {
      throw new KumactlException("unexpected status code: " + r.status() + " " + r.body());
    }
    JsonNode list = r.json();
    boolean includeAdmin = inv.bool("include-admin");
    List<Types.Type> selected = new ArrayList<>();
    List<String> incompatible = new ArrayList<>();
    for (JsonNode res : list.path("resources")) {
      String name = res.path("name").asText("");
      Types.Type type = Types.byName(types, name).orElse(null);
      if (type == null) {
        incompatible.add(name);
        continue;
      }
      if (type.adminOnly() && !isMigrationProfile(profile) && !includeAdmin) {
        continue;
      }
      boolean includeInFederation = res.path("includeInFederation").asBoolean(false);
      switch (profile) {
        case PROFILE_FEDERATION -> {
          if (!includeInFederation) {
            continue;
          }
          // new (targetRef) policies and MeshGateways are not part of a federation
          if (res.path("policy").path("isTargetRef").asBoolean(false)) {
            continue;
          }
          if (name.equals("MeshGateway")) {
            continue;
          }
        }
        case PROFILE_FEDERATION_WITH_POLICIES -> {
          if (!includeInFederation) {
            continue;
          }
        }
        case PROFILE_NO_DATAPLANES -> {
          if (type.name().equals("Dataplane") || type.name().equals("DataplaneInsight")) {
            continue;
          }
        }
        default -> { }
      }
      selected.add(type);
    }
    // stable: a Mesh first, then Secrets, GlobalSecrets (user-token signing keys) last
    List<Types.Type> sorted = new ArrayList<>(selected);
    sorted.sort(java.util.Comparator.comparingInt(ExportCommand::priority));
    if (!incompatible.isEmpty()) {
      String msg = "The following types won't be exported because they are unknown to kumactl: "
          + String.join(",", incompatible);
      inv.out().print("# " + msg + "\n");
      inv.err().print("WARNING: " + msg + ". Are you using a compatible version of kumactl?\n");
    }
    return sorted;
  }

  private static int priority(Types.Type type) {
    return switch (type.name()) {
      case "Mesh" -> 0;
      case "Secret" -> 1;
      case "GlobalSecret" -> 99;
      default -> 50;
    };
  }

  private static List<JsonNode> listType(ApiClient api, Types.Type type, String mesh) throws KumactlException {
    try {
      return list(api, type.collectionPath(mesh));
    } catch (KumactlException e) {
      throw KumactlException.wrap("could not list " + GoStrings.quote(type.name()), e);
    }
  }

  /**
   * Every item of the collection at {@code path}, page by page ({@value #PAGE_SIZE} a page, the
   * server's maximum). Kuma's export reads only the first page, so it silently leaves out all but
   * the first 100 resources of a type; an export is a migration tool, so we read them all.
   */
  private static List<JsonNode> list(ApiClient api, String path) throws KumactlException {
    List<JsonNode> items = new ArrayList<>();
    String offset = "";
    do {
      ApiClient.Response r = api.get(path + "?size=" + PAGE_SIZE
          + (offset.isEmpty() ? "" : "&offset=" + URLEncoder.encode(offset, StandardCharsets.UTF_8)));
      if (r.status() != 200) {
        throw r.unexpected();
      }
      JsonNode page = r.json();
      page.path("items").forEach(items::add);
      offset = GetCommands.nextOffset(page.get("next"));
    } while (!offset.isEmpty());
    return items;
  }

  /** Kuma's {@code HTTPKubernetesResourcesClient.Get}: the resource in its Kubernetes form. */
  private static JsonNode kubernetesObject(ApiClient api, Types.Type type, String mesh, String name)
      throws KumactlException {
    ApiClient.Response r = api.getRaw(type.itemPath(mesh, name) + "?format=k8s");
    if (r.status() != 200) {
      throw new KumactlException("unexpected status code: " + r.status() + " " + r.body());
    }
    return r.json();
  }

  /** Kuma's {@code changeBuiltinBackendsToProvided}: the builtin CA's secrets become a provided CA. */
  static void changeBuiltinBackendsToProvided(ObjectNode mesh) {
    JsonNode mtls = mesh.get("mtls");
    if (mtls == null || !mtls.isObject()) {
      return;
    }
    String meshName = mesh.path("name").asText("");
    for (JsonNode backend : mtls.path("backends")) {
      if (!backend.isObject() || !backend.path("type").asText("").equals("builtin")) {
        continue;
      }
      String backendName = backend.path("name").asText("");
      ObjectNode conf = JsonNodeFactory.instance.objectNode();
      conf.putObject("cert").put("secret", meshName + ".ca-builtin-cert-" + backendName);
      conf.putObject("key").put("secret", meshName + ".ca-builtin-key-" + backendName);
      ((ObjectNode) backend).put("type", "provided");
      ((ObjectNode) backend).set("conf", conf);
      // the secrets may be created at any time
      ((ObjectNode) mtls).put("skipValidation", true);
    }
  }

  /** The spec of an old-style REST resource: everything but its metadata. */
  private static ObjectNode spec(ObjectNode res) {
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> it = res.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!Output.META_FIELDS.contains(e.getKey())) {
        spec.set(e.getKey(), e.getValue());
      }
    }
    return spec;
  }

  /** Kuma's {@code shouldSkipKubeObject}: outside {@code all}, only the system namespace can be applied on global. */
  private static boolean shouldSkipKubeObject(ObjectNode obj, String profile, String systemNamespace) {
    if (profile.equals(PROFILE_ALL)) {
      return false;
    }
    JsonNode namespace = obj.path("metadata").get("namespace");
    return namespace != null && !(namespace.isTextual() && namespace.asText().equals(systemNamespace));
  }

  /** Kuma's {@code cleanKubeObject}: drops what ties the object to its cluster. */
  private static void cleanKubeObject(ObjectNode obj) {
    if (obj.get("metadata") instanceof ObjectNode meta) {
      meta.remove(KUBE_META_TO_CLEAN);
    }
  }

  /** Kuma's {@code removeExcludedLabels}, on labels and annotations alike. */
  private static void removeExcludedLabels(ObjectNode obj, Set<String> excluded) {
    if (obj.get("metadata") instanceof ObjectNode meta) {
      filterLabels(meta, "labels", excluded, false);
      filterLabels(meta, "annotations", excluded, false);
    }
  }

  /**
   * Removes the {@code excluded} keys from the map {@code holder.field}; with {@code dropEmpty} an
   * empty result is removed (the REST form omits empty labels).
   */
  private static void filterLabels(ObjectNode holder, String field, Set<String> excluded, boolean dropEmpty) {
    if (!(holder.get(field) instanceof ObjectNode labels)) {
      return;
    }
    labels.remove(excluded);
    if (dropEmpty && labels.isEmpty()) {
      holder.remove(field);
    }
  }
}
