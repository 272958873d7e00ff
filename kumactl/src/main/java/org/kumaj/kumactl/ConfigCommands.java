package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.TreeMap;
import org.kumaj.model.BuildInfo;
import org.kumaj.model.validation.GoStrings;

/**
 * {@code kumactl config view} and {@code kumactl config control-planes add|list|remove|switch},
 * with Kuma's flags, checks and messages.
 */
final class ConfigCommands {
  /** The one-line description shown in {@code kumactl --help}. */
  static final String SHORT = "Modify kumactl config files";
  private ConfigCommands() {}

  static Cmd build() {
    Cmd config = new Cmd("config").help(SHORT, """
        Modify kumactl config files.
        This set of commands enable you to manage connection to different control-planes.
        It manipulates the configuration file stored at the value of '--config-file' ('~/.kumactl/config' by default).

        These commands do not interact with a running control-plane except to verify the connection when adding a control-plane

        For example to add a control-plane to the configuration file:
        \tkumactl config control-planes add --name=example --address=https://kuma-control-plane:5681
        """);
    config.add(new Cmd("view").help("Show kumactl config", "Show kumactl config.").noArgs()
        .action(inv -> inv.out().print(GoYaml.write(inv.config.toJson()) + "\n")));
    Cmd cps = new Cmd("control-planes").help("Manage known Control Planes", "Manage known Control Planes.");
    config.add(cps);
    cps.add(new Cmd("list").help("List Control Planes", "List Control Planes.").noArgs().action(ConfigCommands::list));
    cps.add(addCmd());
    cps.add(new Cmd("remove").help("Remove a Control Plane", "Remove a Control Plane.").noArgs()
        .flag(nameFlag()).action(ConfigCommands::remove));
    cps.add(new Cmd("switch").help("Switch active Control Plane", "Switch active Control Plane.").noArgs()
        .flag(nameFlag()).action(ConfigCommands::switchTo));
    return config;
  }

  private static Flag nameFlag() {
    return Flag.string("name", "", "reference name for the Control Plane (required)").asRequired();
  }

  private static Cmd addCmd() {
    return new Cmd("add").help("Add a Control Plane", "Add a Control Plane.").noArgs()
        .flag(nameFlag())
        .flag(Flag.string("address", "", "URL of the Control Plane API Server (required). Example: "
            + "http://localhost:5681 or https://localhost:5682)").asRequired())
        .flag(Flag.bool("overwrite", "overwrite existing Control Plane with the same reference name"))
        .flag(Flag.string("client-cert-file", "", "path to the certificate of a client that is authorized to use the"
            + " Admin operations of the Control Plane (kumactl stores only a reference to this file)"))
        .flag(Flag.string("client-key-file", "", "path to the certificate key of a client that is authorized to use"
            + " the Admin operations of the Control Plane (kumactl stores only a reference to this file)"))
        .flag(Flag.string("ca-cert-file", "", "path to the certificate authority which will be used to verify the"
            + " Control Plane certificate (kumactl stores only a reference to this file)"))
        .flag(Flag.bool("skip-verify", "skip CA verification"))
        .flag(Flag.map("headers", '\0', "add these headers while communicating to control plane, format key=value"))
        .flag(Flag.string("auth-type", "", "authentication type (for example: \"tokens\")"))
        .flag(Flag.map("auth-conf", '\0',
            "authentication configuration for defined authentication type format key=value"))
        .flag(Flag.bool("skip-check", "skip checking if we can connect to the CP"))
        .action(ConfigCommands::add);
  }

  private static void list(Invocation inv) {
    KumactlConfig.Context current = inv.config.current();
    Table table = new Table(List.of("ACTIVE", "NAME", "ADDRESS"));
    for (KumactlConfig.ControlPlane cp : inv.config.controlPlanes) {
      boolean active = current != null && !inv.config.currentContext.isEmpty()
          && current.controlPlane.equals(cp.name);
      table.row(List.of(active ? "*" : "", cp.name, cp.url()));
    }
    inv.out().print(table.render());
  }

  private static void add(Invocation inv) throws KumactlException {
    String address = inv.string("address");
    if (!isRequestUri(address)) {
      throw new KumactlException("API Server URL is invalid: parse " + GoStrings.quote(address)
          + ": invalid URI for request");
    }
    boolean hasKey = !inv.string("client-key-file").isEmpty();
    boolean hasCert = !inv.string("client-cert-file").isEmpty();
    if (hasKey != hasCert) {
      throw new KumactlException("Both --client-cert-file and --client-key-file needs to be specified");
    }
    String authType = inv.string("auth-type");
    if (!authType.isEmpty()) {
      if (!authType.equals("tokens")) {
        throw new KumactlException("authentication plugin of type " + GoStrings.quote(authType) + " is not found");
      }
      if (inv.map("auth-conf").getOrDefault("token", "").isEmpty()) {
        throw new KumactlException("--auth-conf is not valid: provide token=YOUR_TOKEN");
      }
    }
    KumactlConfig.ControlPlane cp = new KumactlConfig.ControlPlane();
    cp.name = inv.string("name");
    cp.hasCoordinates = true;
    cp.apiServer = new KumactlConfig.ApiServer();
    cp.apiServer.url = address;
    cp.apiServer.caCertFile = inv.string("ca-cert-file");
    cp.apiServer.clientCertFile = inv.string("client-cert-file");
    cp.apiServer.clientKeyFile = inv.string("client-key-file");
    cp.apiServer.authType = authType;
    cp.apiServer.authConf.putAll(inv.map("auth-conf"));
    cp.apiServer.skipVerify = inv.bool("skip-verify");
    new TreeMap<>(inv.map("headers")).forEach((k, v) -> cp.apiServer.headers.add(new KumactlConfig.Header(k, v)));
    if (!inv.bool("skip-check")) {
      validateCoordinates(cp, inv);
    }
    KumactlConfig cfg = inv.config;
    boolean overwrite = inv.bool("overwrite");
    if (!cfg.addControlPlane(cp, overwrite)) {
      throw new KumactlException("Control Plane with name " + GoStrings.quote(cp.name)
          + " already exists. Use --overwrite to replace an existing one.");
    }
    KumactlConfig.Context ctx = new KumactlConfig.Context();
    ctx.name = cp.name;
    ctx.controlPlane = cp.name;
    if (!cfg.addContext(ctx, overwrite)) {
      throw new KumactlException("Context with name " + GoStrings.quote(ctx.name) + " already exists");
    }
    cfg.currentContext = ctx.name;
    inv.saveConfig();
    inv.out().println("added Control Plane " + GoStrings.quote(ctx.name));
    inv.out().println("switched active Control Plane to " + GoStrings.quote(ctx.name));
  }

  /** Kuma's {@code ValidateCpCoordinates}: the address must answer {@code GET /} as our product. */
  private static void validateCoordinates(KumactlConfig.ControlPlane cp, Invocation inv) throws KumactlException {
    JsonNode index;
    try {
      ApiClient client = ApiClient.create(cp, cp.name, inv.duration("api-timeout"));
      ApiClient.Response r = client.get("/");
      if (r.status() != 200) {
        throw r.unexpected();
      }
      index = r.json();
    } catch (ApiError e) {
      throw new KumactlException("could not connect to the Control Plane API Server: " + e.getMessage(), e);
    } catch (KumactlException e) {
      throw new KumactlException("could not connect to the Control Plane API Server: " + e.getMessage(), e);
    }
    String product = index.path("product").asText("");
    String version = index.path("version").asText("");
    if (!product.equals(BuildInfo.current().product()) && !version.contains("preview")) {
      throw new KumactlException("this CLI is for " + BuildInfo.current().product() + " but the control plane"
          + " you're connected to is " + product + ". Please use the CLI for your control plane");
    }
  }

  /** Go's {@code url.ParseRequestURI}: an absolute URI or an absolute path. */
  private static boolean isRequestUri(String s) {
    if (s.isEmpty()) {
      return false;
    }
    try {
      URI uri = new URI(s);
      return uri.isAbsolute() || s.startsWith("/");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void remove(Invocation inv) throws KumactlException {
    String name = inv.string("name");
    if (!inv.config.removeControlPlane(name)) {
      throw new KumactlException("there is no Control Plane with name " + GoStrings.quote(name));
    }
    inv.saveConfig();
    inv.out().println("removed Control Plane " + GoStrings.quote(name));
    KumactlConfig.Context ctx = inv.config.current();
    if (ctx != null) {
      inv.out().println("switched active Control Plane to " + GoStrings.quote(ctx.controlPlane));
    } else {
      inv.out().println("there is no active Control Plane left. Use `kumactl config control-planes add` to add a"
          + " Control Plane and make it active");
    }
  }

  private static void switchTo(Invocation inv) throws KumactlException {
    String name = inv.string("name");
    if (!inv.config.switchContext(name)) {
      throw new KumactlException("there is no Control Plane with name " + GoStrings.quote(name));
    }
    inv.saveConfig();
    inv.out().println("switched active Control Plane to " + GoStrings.quote(name));
  }
}
