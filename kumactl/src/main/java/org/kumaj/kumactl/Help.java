package org.kumaj.kumactl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kumaj.model.validation.GoStrings;

/**
 * Help and usage text in cobra's default layout (Usage, Aliases, Examples, Available Commands,
 * Flags, Global Flags), with flag lines formatted as pflag does, so {@code kumactl ... --help}
 * reads like Kuma's. Stateless.
 */
final class Help {
  private static final int MIN_NAME_PADDING = 11;

  private Help() {}

  /** cobra's help: the long (or short) description, then the usage. */
  static String help(Cmd c) {
    StringBuilder out = new StringBuilder();
    String text = !c.longHelp.isEmpty() ? c.longHelp : c.shortHelp;
    if (!text.isEmpty()) {
      out.append(text.stripTrailing()).append("\n\n");
    }
    if (c.runnable() || !c.children.isEmpty()) {
      out.append(usage(c));
    }
    return out.toString();
  }

  /** cobra's usage template. */
  static String usage(Cmd c) {
    StringBuilder out = new StringBuilder("Usage:");
    List<Cmd> available = c.children.stream().filter(Help::available).sorted(Comparator.comparing(x -> x.name))
        .toList();
    if (c.runnable()) {
      String line = c.parent == null ? c.use : c.parent.path() + " " + c.use;
      if (!line.contains("[flags]")) {
        line += " [flags]";
      }
      out.append("\n  ").append(line);
    }
    if (!available.isEmpty()) {
      out.append("\n  ").append(c.path()).append(" [command]");
    }
    if (!c.aliases.isEmpty()) {
      List<String> names = new ArrayList<>();
      names.add(c.name);
      names.addAll(c.aliases);
      out.append("\n\nAliases:\n  ").append(String.join(", ", names));
    }
    if (!c.example.isEmpty()) {
      out.append("\n\nExamples:\n").append(c.example);
    }
    if (!available.isEmpty()) {
      int padding = Math.max(MIN_NAME_PADDING, c.children.stream().mapToInt(x -> x.name.length()).max().orElse(0));
      out.append("\n\nAvailable Commands:");
      for (Cmd child : available) {
        out.append("\n  ").append(String.format("%-" + padding + "s", child.name)).append(' ').append(child.shortHelp);
      }
    }
    List<Flag> local = new ArrayList<>(c.localFlags());
    local.add(helpFlag(c));
    String localUsages = flagUsages(local);
    if (!localUsages.isEmpty()) {
      out.append("\n\nFlags:\n").append(localUsages.stripTrailing());
    }
    String inherited = flagUsages(c.inheritedFlags());
    if (!inherited.isEmpty()) {
      out.append("\n\nGlobal Flags:\n").append(inherited.stripTrailing());
    }
    if (!available.isEmpty()) {
      out.append("\n\nUse \"").append(c.path()).append(" [command] --help\" for more information about a command.");
    }
    return out.append('\n').toString();
  }

  static Flag helpFlag(Cmd c) {
    return new Flag("help", 'h', Flag.Kind.BOOL, "false", "help for " + c.name, null, false);
  }

  private static boolean available(Cmd c) {
    return !c.hidden && (c.isStub() || c.runnable() || c.children.stream().anyMatch(Help::available)
        || c.name.equals("help"));
  }

  /** pflag's {@code FlagUsages}: sorted by name, descriptions aligned, defaults and types shown. */
  static String flagUsages(List<Flag> flags) {
    List<String> lines = new ArrayList<>();
    int maxlen = 0;
    List<Flag> sorted = flags.stream().filter(f -> f.deprecated() == null)
        .sorted(Comparator.comparing(Flag::name)).toList();
    for (Flag f : sorted) {
      String line = f.hasShorthand() ? "  -" + f.shorthand() + ", --" + f.name() : "      --" + f.name();
      String usage = f.usage();
      String varname = f.kind().typeName;
      int tick = usage.indexOf('`');
      if (tick >= 0) {
        int end = usage.indexOf('`', tick + 1);
        if (end > tick) {
          varname = usage.substring(tick + 1, end);
          usage = usage.substring(0, tick) + varname + usage.substring(end + 1);
        }
      }
      if (!varname.isEmpty()) {
        line += " " + varname;
      }
      line += "\0";
      maxlen = Math.max(maxlen, line.length());
      line += usage;
      if (!f.defaultIsZero()) {
        line += f.kind() == Flag.Kind.STRING ? " (default " + GoStrings.quote(f.defaultValue()) + ")"
            : " (default " + f.defaultValue() + ")";
      }
      lines.add(line);
    }
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      int sidx = line.indexOf('\0');
      out.append(line, 0, sidx).append(' ').append(" ".repeat(maxlen - sidx)).append(' ')
          .append(line.substring(sidx + 1)).append('\n');
    }
    return out.toString();
  }
}
