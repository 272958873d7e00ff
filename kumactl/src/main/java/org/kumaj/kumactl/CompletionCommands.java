package org.kumaj.kumactl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kumactl completion bash|fish|zsh} and the hidden {@code __complete} helper the scripts
 * call (cobra's protocol: candidates one per line, then {@code :<directive>}; directive 4 turns
 * file completion off). The candidates come from the command tree itself, so every generated
 * {@code get}/{@code inspect} sub-command and every flag completes.
 */
final class CompletionCommands {
  /** The one-line description shown in {@code kumactl --help}. */
  static final String SHORT = "Output shell completion code for bash, fish or zsh";
  private static final int DIRECTIVE_DEFAULT = 0;
  private static final int DIRECTIVE_NO_FILES = 4;
  private static final Map<String, List<String>> FLAG_VALUES = Map.of(
      "output", List.of("table", "yaml", "json"),
      "log-level", List.of("off", "info", "debug"),
      "format", List.of("pem-base64", "pem"),
      "key-type", List.of("rsa", "ecdsa"),
      "auth-type", List.of("tokens"));

  private static final String LONG = """

      Outputs kumactl shell completion for the given shell (bash, fish or zsh).
      This depends on the bash-completion package.  Example installation instructions:
      # for bash users
      \t$ kumactl completion bash > ~/.kumactl-completion
      \t$ source ~/.kumactl-completion

      # for zsh users
      \t% kumactl completion zsh > /usr/local/share/zsh/site-functions/_kumactl
      \t% autoload -U compinit && compinit
      # or if zsh-completion is installed via homebrew
          % kumactl completion zsh > "${fpath[1]}/_kumactl"

      # for fish users
      \t% kumactl completion fish > ~/.config/fish/completions/kumactl.fish

      Additionally, you may want to output the completion to a file and source in your .bashrc
      Note for zsh users: [1] zsh completions are only supported in versions of zsh >= 5.2
      """;

  private static final String BASH = """
      # bash completion for kumactl                              -*- shell-script -*-
      __kumactl_complete() {
          local cur="${COMP_WORDS[COMP_CWORD]}"
          local out directive
          out=$("${COMP_WORDS[0]}" __complete "${COMP_WORDS[@]:1:$((COMP_CWORD-1))}" "$cur" 2>/dev/null)
          directive=${out##*:}
          out=${out%:*}
          local IFS=$'\\n'
          COMPREPLY=($(compgen -W "${out}" -- "$cur"))
          if [[ ${#COMPREPLY[@]} -eq 0 && "$directive" != "4" ]]; then
              COMPREPLY=($(compgen -f -- "$cur"))
          fi
      }
      complete -o default -F __kumactl_complete kumactl
      """;

  private static final String ZSH = """
      #compdef kumactl
      compdef _kumactl kumactl

      _kumactl() {
          local out directive
          local -a completions
          out=$("${words[1]}" __complete "${(@)words[2,$CURRENT]}" 2>/dev/null)
          directive=${out##*:}
          completions=("${(@f)${out%:*}}")
          completions=(${completions:#})
          if (( ${#completions} )); then
              compadd -- "${completions[@]}"
          elif [[ "$directive" != "4" ]]; then
              _files
          fi
      }

      if [ "$funcstack[1]" = "_kumactl" ]; then
          _kumactl "$@"
      fi
      """;

  private static final String FISH = """
      # fish completion for kumactl                              -*- shell-script -*-
      function __kumactl_complete
          set -l args (commandline -opc)
          set -e args[1]
          set -l cur (commandline -ct)
          for line in (kumactl __complete $args $cur 2>/dev/null)
              if not string match -q -- ':*' $line
                  echo $line
              end
          end
      end
      complete -c kumactl -f -a '(__kumactl_complete)'
      """;

  private CompletionCommands() {}

  static Cmd build() {
    Cmd completion = new Cmd("completion").help(SHORT, LONG);
    completion.add(script("bash", BASH));
    completion.add(script("fish", FISH));
    completion.add(script("zsh", ZSH));
    return completion;
  }

  private static Cmd script(String shell, String text) {
    return new Cmd(shell).help("Output shell completions for " + shell, "").noArgs()
        .action(inv -> inv.out().print(text));
  }

  /** The hidden {@code __complete} command. */
  static Cmd complete() {
    Cmd cmd = new Cmd("__complete").help("Request shell completion choices for the specified command-line", "");
    cmd.hidden = true;
    cmd.skipsConfig = true;
    cmd.rawArgs = true;
    return cmd.action(inv -> {
      Cmd root = inv.cmd;
      while (root.parent != null) {
        root = root.parent;
      }
      inv.out().print(candidates(root, inv.args));
    });
  }

  /** Completion candidates for {@code words} (the last one is the word being completed). */
  static String candidates(Cmd root, List<String> words) {
    Cmd current = root;
    String toComplete = words.isEmpty() ? "" : words.get(words.size() - 1);
    Flag pendingFlag = null;
    for (int i = 0; i < words.size() - 1; i++) {
      String w = words.get(i);
      if (pendingFlag != null) {
        pendingFlag = null;
        continue;
      }
      if (w.startsWith("-")) {
        Flag f = find(current, w);
        if (f != null && f.kind() != Flag.Kind.BOOL && !w.contains("=")) {
          pendingFlag = f;
        }
        continue;
      }
      Cmd child = current.child(w);
      if (child != null) {
        current = child;
      }
    }
    List<String> out = new ArrayList<>();
    int directive = DIRECTIVE_NO_FILES;
    if (pendingFlag != null) {
      List<String> values = FLAG_VALUES.get(pendingFlag.name());
      if (values != null) {
        values.stream().filter(v -> v.startsWith(toComplete)).forEach(out::add);
      } else {
        directive = DIRECTIVE_DEFAULT;
      }
    } else if (toComplete.startsWith("-")) {
      for (Flag f : current.allFlags()) {
        if (f.deprecated() == null && ("--" + f.name()).startsWith(toComplete)) {
          out.add("--" + f.name());
        }
      }
    } else {
      for (Cmd child : current.visibleChildren()) {
        if (child.name.startsWith(toComplete)) {
          out.add(child.name);
        }
      }
      if (current.name.equals("delete")) {
        Cmd get = root.child("get");
        if (get != null) {
          get.children.stream().filter(c -> c.args == Cmd.Args.EXACT)
              .flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c.name), c.aliases.stream()))
              .filter(n -> n.startsWith(toComplete)).sorted().forEach(out::add);
        }
      }
    }
    StringBuilder text = new StringBuilder();
    out.forEach(c -> text.append(c).append('\n'));
    return text.append(':').append(directive).append('\n').toString();
  }

  private static Flag find(Cmd cmd, String word) {
    String name = word.replaceFirst("^-+", "");
    int eq = name.indexOf('=');
    if (eq >= 0) {
      name = name.substring(0, eq);
    }
    for (Flag f : cmd.allFlags()) {
      if (word.startsWith("--") ? f.name().equals(name) : (f.hasShorthand() && name.equals(String.valueOf(f.shorthand())))) {
        return f;
      }
    }
    return null;
  }
}
