package org.kumaj.kumactl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One node of kumactl's command tree, shaped like Kuma's cobra commands: name and {@code Use}
 * line, aliases, help texts, local and persistent (inherited) flags, the positional-argument rule
 * and the action. Built once per run by {@link CommandTree}; not thread-safe.
 */
final class Cmd {
  /** cobra's positional-argument validators. */
  enum Args {
    /** {@code cobra.NoArgs}. */
    NONE,
    /** No validator: anything is accepted (and ignored). */
    ANY,
    /** {@code cobra.ExactArgs(n)}. */
    EXACT
  }

  /** What a runnable command does. */
  @FunctionalInterface
  interface Action {
    void run(Invocation inv) throws KumactlException;
  }

  final String name;
  final String use;
  List<String> aliases = List.of();
  String shortHelp = "";
  String longHelp = "";
  String example = "";
  final List<Flag> flags = new ArrayList<>();
  final List<Flag> persistentFlags = new ArrayList<>();
  Args args = Args.ANY;
  int argCount;
  Action action;
  /** Runs Kuma's server-version compatibility check before the command (get, inspect, generate). */
  boolean checksVersion;
  /** Skips loading the configuration (the hidden completion helper). */
  boolean skipsConfig;
  /** Takes every remaining word as an argument, flags included (cobra's {@code DisableFlagParsing}). */
  boolean rawArgs;
  boolean hidden;
  Cmd parent;
  final List<Cmd> children = new ArrayList<>();
  /** Builds the real command in place of this stub on first use (top-level commands are built lazily). */
  private java.util.function.Supplier<Cmd> factory;

  Cmd(String use) {
    this.use = use;
    int space = use.indexOf(' ');
    this.name = space < 0 ? use : use.substring(0, space);
  }

  /**
   * A stand-in for a command that is built only when a run needs it: help lists it by name and
   * short text, {@link #child} replaces it with the real command.
   */
  static Cmd lazy(String name, String shortHelp, java.util.function.Supplier<Cmd> factory) {
    Cmd stub = new Cmd(name);
    stub.shortHelp = shortHelp;
    stub.factory = factory;
    return stub;
  }

  boolean isStub() {
    return factory != null;
  }

  Cmd help(String shortHelp, String longHelp) {
    this.shortHelp = shortHelp;
    this.longHelp = longHelp;
    return this;
  }

  Cmd example(String example) {
    this.example = example;
    return this;
  }

  Cmd aliases(List<String> aliases) {
    this.aliases = aliases.stream().filter(a -> a != null && !a.isEmpty()).toList();
    return this;
  }

  Cmd noArgs() {
    this.args = Args.NONE;
    return this;
  }

  Cmd exactArgs(int n) {
    this.args = Args.EXACT;
    this.argCount = n;
    return this;
  }

  Cmd flag(Flag flag) {
    flags.add(flag);
    return this;
  }

  Cmd persistentFlag(Flag flag) {
    persistentFlags.add(flag);
    return this;
  }

  Cmd action(Action action) {
    this.action = action;
    return this;
  }

  Cmd add(Cmd child) {
    child.parent = this;
    children.add(child);
    return this;
  }

  boolean runnable() {
    return action != null;
  }

  /** cobra's {@code CommandPath}: the names from the root down, space separated. */
  String path() {
    return parent == null ? name : parent.path() + " " + name;
  }

  /** Flags this command sees: its own, its own persistent ones and every ancestor's persistent ones. */
  List<Flag> allFlags() {
    List<Flag> all = new ArrayList<>(localFlags());
    all.addAll(inheritedFlags());
    return all;
  }

  /** The flags declared on this command (local and persistent). */
  List<Flag> localFlags() {
    List<Flag> local = new ArrayList<>(flags);
    local.addAll(persistentFlags);
    return local;
  }

  /** Persistent flags of the ancestors, nearest first, without names this command redeclares. */
  List<Flag> inheritedFlags() {
    List<Flag> inherited = new ArrayList<>();
    List<String> seen = new ArrayList<>(localFlags().stream().map(Flag::name).toList());
    for (Cmd c = parent; c != null; c = c.parent) {
      for (Flag f : c.persistentFlags) {
        if (!seen.contains(f.name())) {
          seen.add(f.name());
          inherited.add(f);
        }
      }
    }
    return inherited;
  }

  boolean inheritsVersionCheck() {
    for (Cmd c = this; c != null; c = c.parent) {
      if (c.checksVersion) {
        return true;
      }
    }
    return false;
  }

  List<Cmd> visibleChildren() {
    return children.stream().filter(c -> !c.hidden).sorted(Comparator.comparing(c -> c.name)).toList();
  }

  /** The child named {@code nameOrAlias} (built now if it was a stub), or null. */
  Cmd child(String nameOrAlias) {
    for (int i = 0; i < children.size(); i++) {
      Cmd c = children.get(i);
      if (c.name.equals(nameOrAlias) || c.aliases.contains(nameOrAlias)) {
        if (c.factory != null) {
          Cmd real = c.factory.get();
          real.parent = this;
          real.hidden = c.hidden;
          children.set(i, real);
          return real;
        }
        return c;
      }
    }
    return null;
  }
}
