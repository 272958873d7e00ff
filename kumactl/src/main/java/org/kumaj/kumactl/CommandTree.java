package org.kumaj.kumactl;

import java.util.List;

/** Builds kumactl's command tree (Kuma's {@code cmd/root.go}) from the resource types. Stateless. */
final class CommandTree {
  private CommandTree() {}

  static Cmd build(List<Types.Type> types) {
    Cmd root = new Cmd("kumactl").help("Management tool for Kuma", "Management tool for Kuma.")
        .persistentFlag(Flag.string("config-file", "", "path to the configuration file to use"))
        .persistentFlag(Flag.string("context", "", "context to use"))
        .persistentFlag(Flag.string("log-level", "off", "log level: one of off|info|debug"))
        .persistentFlag(Flag.bool("no-config", "if set no config file and config directory will be created"))
        .persistentFlag(Flag.duration("api-timeout", "1m0s", "the timeout for api calls. It includes connection"
            + " time, any redirects, and reading the response body. A timeout of zero means no timeout"));
    // Top-level commands are built when a run reaches them: `get meshes` need not build `inspect`.
    // (Lambdas, not method references: a method reference loads its class when the call site links.)
    root.add(Cmd.lazy("apply", ApplyCommand.SHORT, () -> ApplyCommand.build()));
    root.add(Cmd.lazy("completion", CompletionCommands.SHORT, () -> CompletionCommands.build()));
    root.add(Cmd.lazy("config", ConfigCommands.SHORT, () -> ConfigCommands.build()));
    root.add(Cmd.lazy("delete", DeleteCommand.SHORT, () -> DeleteCommand.build(types)));
    root.add(Cmd.lazy("export", ExportCommand.SHORT, () -> ExportCommand.build(types)));
    root.add(Cmd.lazy("generate", GenerateCommands.SHORT, () -> GenerateCommands.build()));
    root.add(Cmd.lazy("get", GetCommands.SHORT, () -> GetCommands.build(types)));
    root.add(Cmd.lazy("inspect", InspectCommands.SHORT, () -> InspectCommands.build(types)));
    root.add(Cmd.lazy("version", VersionCommand.SHORT, () -> VersionCommand.build()));
    root.add(helpCommand());
    root.add(hidden(Cmd.lazy("__complete", "", () -> CompletionCommands.complete())));
    root.add(hidden(Cmd.lazy("__cds-train", "", () -> CdsTraining.command())));
    return root;
  }

  private static Cmd hidden(Cmd cmd) {
    cmd.hidden = true;
    return cmd;
  }

  /** cobra's default {@code help [command]}. */
  private static Cmd helpCommand() {
    Cmd help = new Cmd("help [command]").help("Help about any command", """
        Help provides help for any command in the application.
        Simply type kumactl help [path to command] for full details.""");
    help.skipsConfig = true;
    return help.action(inv -> {
      Cmd target = inv.cmd.parent;
      for (String name : inv.args) {
        Cmd child = target.child(name);
        if (child == null) {
          inv.out().println("Unknown help topic " + "`" + String.join(" ", inv.args) + "`");
          inv.out().print(Help.usage(inv.cmd.parent));
          return;
        }
        target = child;
      }
      inv.out().print(Help.help(target));
    });
  }
}
