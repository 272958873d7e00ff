package org.kumaj.kumactl;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kumaj.model.GoDuration;
import org.kumaj.model.validation.GoStrings;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code kumactl} executable: Kuma 2.14's command-line client re-implemented on Picocli.
 *
 * <p>{@link #main} parses the arguments against the command tree (built from the descriptor
 * registry), loads {@code ~/.kumactl/config} (creating it on first use), runs the command and
 * exits with 0 on success and 1 on any failure, printing failures as {@code Error: <message>} on
 * standard error, as Kuma's cobra-based kumactl does. One run per JVM; not meant to be called
 * concurrently.
 */
public final class Kumactl {
  private Kumactl() {}

  /** Runs kumactl with the process's streams and exits with its status. */
  public static void main(String[] args) {
    Env env = Env.system();
    int status = run(args, env);
    env.stdout().flush();
    env.stderr().flush();
    System.exit(status);
  }

  /** Runs one kumactl command line and returns the exit status. */
  static int run(String[] args, Env env) {
    Cmd root = CommandTree.build(Types.all());
    List<String> rest = new ArrayList<>(List.of(args));
    Cmd cmd = find(root, rest);
    if (cmd.rawArgs) {
      try {
        cmd.action.run(new Invocation(cmd, rest, env, Map.of(), Set.of()));
        return 0;
      } catch (KumactlException e) {
        env.stderr().println("Error: " + e.getMessage());
        return 1;
      }
    }
    CommandLine cl = new CommandLine(spec(cmd));
    cl.setOverwrittenOptionsAllowed(true);
    cl.setExpandAtFiles(false);
    cl.setAllowOptionsAsOptionParameters(true);
    cl.setUnmatchedOptionsArePositionalParams(false);
    ParseResult parsed;
    try {
      parsed = cl.parseArgs(rest.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      return parseFailure(e, cmd, args, env);
    }
    try {
      Invocation inv = invocation(cmd, parsed, env);
      if (inv.bool("help") || !cmd.runnable()) {
        env.stdout().print(Help.help(cmd));
        return 0;
      }
      execute(inv);
      return 0;
    } catch (ApiError e) {
      env.stderr().println("Error: " + e.formatted());
    } catch (KumactlException e) {
      env.stderr().println("Error: " + e.getMessage());
      if (e.usage) {
        env.stdout().println(Help.usage(cmd));
      }
    } catch (RuntimeException e) {
      env.stderr().println("Error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
    return 1;
  }

  /**
   * cobra's {@code Find}: walks the non-flag words (skipping the values of flags that take one)
   * down the tree as long as they name sub-commands, and removes those words from {@code args}.
   */
  static Cmd find(Cmd root, List<String> args) {
    Cmd cmd = root;
    while (true) {
      List<Flag> flags = cmd.allFlags();
      int next = -1;
      for (int i = 0; i < args.size(); i++) {
        String s = args.get(i);
        if (s.equals("--")) {
          break;
        }
        if (s.startsWith("-") && !s.contains("=") && takesValue(s, flags)) {
          i++;
          continue;
        }
        if (!s.isEmpty() && !s.startsWith("-")) {
          next = i;
          break;
        }
      }
      Cmd child = next < 0 ? null : cmd.child(args.get(next));
      if (child == null) {
        return cmd;
      }
      args.remove(next);
      cmd = child;
    }
  }

  /** Whether {@code --name} / {@code -x} is followed by its value (unknown flags are assumed to be). */
  private static boolean takesValue(String word, List<Flag> flags) {
    boolean isLong = word.startsWith("--");
    if (!isLong && word.length() != 2) {
      return false;
    }
    String name = word.substring(isLong ? 2 : 1);
    for (Flag f : flags) {
      if (isLong ? f.name().equals(name) : f.hasShorthand() && name.equals(String.valueOf(f.shorthand()))) {
        return f.kind() != Flag.Kind.BOOL;
      }
    }
    return !name.equals("help") && !name.equals("h");
  }

  /** cobra's execution order: args, persistent pre-run (config, version check), required flags, run. */
  private static void execute(Invocation inv) throws KumactlException {
    Cmd cmd = inv.cmd;
    switch (cmd.args) {
      case NONE -> {
        if (!inv.args.isEmpty()) {
          throw KumactlException.usage("unknown command " + GoStrings.quote(inv.args.get(0)) + " for "
              + GoStrings.quote(cmd.path()));
        }
      }
      case EXACT -> {
        if (inv.args.size() != cmd.argCount) {
          throw KumactlException.usage("accepts " + cmd.argCount + " arg(s), received " + inv.args.size());
        }
      }
      default -> { }
    }
    String level = inv.string("log-level");
    if (!List.of("off", "info", "debug").contains(level)) {
      throw KumactlException.usage("unknown log level " + GoStrings.quote(level));
    }
    if (!cmd.skipsConfig) {
      loadConfig(inv);
    }
    if (cmd.inheritsVersionCheck()) {
      inv.checkCompatibility();
    }
    List<String> missing = cmd.allFlags().stream().filter(Flag::required).filter(f -> !inv.changed(f.name()))
        .map(Flag::name).sorted().map(GoStrings::quote).toList();
    if (!missing.isEmpty()) {
      throw new KumactlException("required flag(s) " + String.join(", ", missing) + " not set");
    }
    cmd.action.run(inv);
  }

  /** Kuma's root {@code PersistentPreRunE}: defaults with {@code --no-config}, else the file (created on first use). */
  private static void loadConfig(Invocation inv) throws KumactlException {
    inv.configFile = ConfigStore.file(inv.env, inv.string("config-file"));
    if (inv.bool("no-config")) {
      inv.config = KumactlConfig.defaults();
      return;
    }
    if (!Files.exists(inv.configFile)) {
      inv.config = KumactlConfig.defaults();
      ConfigStore.save(inv.configFile, inv.config);
    }
    inv.config = ConfigStore.load(inv.configFile, !inv.string("config-file").isEmpty());
  }

  // --- Picocli model ---

  /** The Picocli model of one command: all the flags it sees, and its positional arguments if runnable. */
  private static CommandSpec spec(Cmd cmd) {
    CommandSpec spec = CommandSpec.create().name(cmd.path());
    List<Flag> flags = new ArrayList<>(cmd.allFlags());
    flags.add(Help.helpFlag(cmd));
    for (Flag f : flags) {
      spec.addOption(option(f));
    }
    if (cmd.runnable()) {
      spec.addPositional(PositionalParamSpec.builder().arity("0..*").type(List.class)
          .auxiliaryTypes(String.class).paramLabel("ARGS").build());
    }
    return spec;
  }

  private static OptionSpec option(Flag f) {
    String[] names = f.hasShorthand() ? new String[] {"--" + f.name(), "-" + f.shorthand()}
        : new String[] {"--" + f.name()};
    OptionSpec.Builder b = OptionSpec.builder(names);
    switch (f.kind()) {
      case BOOL -> b.type(Boolean.class).arity("0..1");
      case STRING_TO_STRING, STRING_SLICE -> b.type(List.class).auxiliaryTypes(String.class).arity("1");
      default -> b.type(String.class).arity("1");
    }
    return b.build();
  }

  /** Typed flag values with pflag's conversions and messages. */
  private static Invocation invocation(Cmd cmd, ParseResult parsed, Env env) throws KumactlException {
    Map<String, Object> raw = new LinkedHashMap<>();
    Set<String> changed = new LinkedHashSet<>();
    List<String> positionals = new ArrayList<>();
    for (OptionSpec o : parsed.matchedOptions()) {
      String name = o.longestName().substring(2);
      changed.add(name);
      raw.put(name, o.getValue());
    }
    for (PositionalParamSpec p : parsed.matchedPositionals()) {
      List<?> values = p.getValue();
      if (values != null) {
        values.forEach(v -> positionals.add(String.valueOf(v)));
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    List<Flag> flags = new ArrayList<>(cmd.allFlags());
    flags.add(Help.helpFlag(cmd));
    for (Flag f : flags) {
      Object value = raw.get(f.name());
      if (changed.contains(f.name()) && f.deprecated() != null) {
        env.stderr().println("Flag --" + f.name() + " has been deprecated, " + f.deprecated());
      }
      values.put(f.name(), convert(f, changed.contains(f.name()) ? value : null));
    }
    return new Invocation(cmd, positionals, env, values, changed);
  }

  private static Object convert(Flag f, Object raw) throws KumactlException {
    switch (f.kind()) {
      case BOOL:
        return raw == null ? Boolean.parseBoolean(f.defaultValue()) : (Boolean) raw;
      case STRING:
        return raw == null ? f.defaultValue() : (String) raw;
      case INT: {
        String text = raw == null ? f.defaultValue() : (String) raw;
        try {
          return Integer.decode(text);
        } catch (NumberFormatException e) {
          throw invalid(f, text, "strconv.ParseInt: parsing " + GoStrings.quote(text) + ": invalid syntax");
        }
      }
      case DURATION: {
        String text = raw == null ? f.defaultValue() : (String) raw;
        try {
          return GoDuration.parse(text).toDuration();
        } catch (IllegalArgumentException e) {
          throw invalid(f, text, e.getMessage());
        }
      }
      case STRING_TO_STRING: {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw != null) {
          for (Object o : (List<?>) raw) {
            String text = String.valueOf(o);
            for (String pair : mapPairs(f, text)) {
              int eq = pair.indexOf('=');
              if (eq < 0) {
                throw invalid(f, text, pair + " must be formatted as key=value");
              }
              map.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
          }
        }
        return map;
      }
      case STRING_SLICE: {
        List<String> list = new ArrayList<>();
        if (raw == null) {
          String def = f.defaultValue();
          if (def.length() > 2) {
            list.addAll(csv(def.substring(1, def.length() - 1)));
          }
          return list;
        }
        for (Object o : (List<?>) raw) {
          String text = String.valueOf(o);
          if (!text.isEmpty()) {
            list.addAll(csv(text));
          }
        }
        return list;
      }
      default:
        throw new IllegalStateException(f.kind().name());
    }
  }

  /** pflag's {@code stringToString}: one pair unless the value holds several {@code =}, then CSV. */
  private static List<String> mapPairs(Flag f, String text) throws KumactlException {
    long eqs = text.chars().filter(c -> c == '=').count();
    if (eqs == 0) {
      throw invalid(f, text, text + " must be formatted as key=value");
    }
    if (eqs == 1) {
      return List.of(text.replaceAll("^\"+|\"+$", ""));
    }
    return csv(text);
  }

  /** One CSV record, as Go's {@code encoding/csv} reads it. */
  static List<String> csv(String text) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean atStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && atStart) {
        quoted = true;
        atStart = false;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        atStart = true;
      } else {
        field.append(c);
        atStart = false;
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private static KumactlException invalid(Flag f, String value, String reason) {
    String name = f.hasShorthand() ? "-" + f.shorthand() + ", --" + f.name() : "--" + f.name();
    return KumactlException.usage("invalid argument " + GoStrings.quote(value) + " for " + GoStrings.quote(name)
        + " flag: " + reason);
  }

  // --- parse failures in cobra's words ---

  private static int parseFailure(CommandLine.ParameterException e, Cmd cmd, String[] args, Env env) {
    PrintStream err = env.stderr();
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String first = unmatched.getUnmatched().get(0);
      if (first.startsWith("--")) {
        return usageError(env, cmd, "unknown flag: " + first.split("=", 2)[0]);
      }
      if (first.startsWith("-") && first.length() > 1) {
        return usageError(env, cmd, "unknown shorthand flag: '" + first.charAt(1) + "' in " + first);
      }
      err.println("Error: unknown command " + GoStrings.quote(first) + " for " + GoStrings.quote(cmd.path())
          + suggestions(cmd, first));
      err.println("Run '" + cmd.path() + " --help' for usage.");
      return 1;
    }
    if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
        && missing.getMissing().get(0) instanceof OptionSpec option) {
      String name = option.longestName();
      String last = args.length == 0 ? "" : args[args.length - 1];
      String shortName = option.shortestName();
      if (last.equals(shortName) && !shortName.equals(name)) {
        return usageError(env, cmd, "flag needs an argument: '" + shortName.substring(1) + "' in " + shortName);
      }
      return usageError(env, cmd, "flag needs an argument: " + name);
    }
    return usageError(env, cmd, e.getMessage());
  }

  private static int usageError(Env env, Cmd cmd, String message) {
    env.stderr().println("Error: " + message);
    env.stdout().println(Help.usage(cmd));
    return 1;
  }

  /** cobra's "Did you mean this?" for unknown sub-commands (distance 2 or prefix). */
  private static String suggestions(Cmd cmd, String typed) {
    List<String> found = new ArrayList<>();
    for (Cmd c : cmd.visibleChildren()) {
      if (levenshtein(typed.toLowerCase(), c.name.toLowerCase()) <= 2
          || c.name.toLowerCase().startsWith(typed.toLowerCase())) {
        found.add(c.name);
      }
    }
    if (found.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("\n\nDid you mean this?\n");
    found.forEach(n -> s.append('\t').append(n).append('\n'));
    return s.toString();
  }

  private static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
