package org.kumaj.model.hostnamegenerator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.ActionNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.BoolNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.BranchNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.ChainNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.CommandNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.CommentNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.DotNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.FieldNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.IdentifierNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.ListNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.LoopControlNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.NilNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.NumberNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.PipeNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.StringNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.TemplateNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.TextNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.VariableNode;
import org.kumaj.model.validation.GoStrings;

/**
 * A Go {@code text/template} as Kuma uses it for hostname templates ({@code {{ .Name }}.mesh}),
 * trust domains and SPIFFE ID paths: parsing follows Go's grammar and error messages exactly;
 * execution supports fields of {@link Struct} and map data, variables, {@code if/with/range},
 * {@code define/template/block}, the caller's {@code string -> string} functions (Kuma's
 * {@code label}) and Go's builtin functions. Immutable and thread-safe once parsed.
 */
public final class GoTemplate {
  /** Go's builtin template functions: always defined. */
  static final Set<String> BUILTINS = Set.of("and", "call", "html", "index", "slice", "js", "len",
      "not", "or", "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne");

  private static final int MAX_EXEC_DEPTH = 100000;

  /** A function of a template taking one string and returning one, or failing (Go's {@code func(string) (string, error)}). */
  @FunctionalInterface
  public interface StringFunction {
    String apply(String argument) throws Exception;
  }

  /**
   * A Go struct value: its Go type as {@code reflect} prints it (used in error messages) and its
   * exported fields in declaration order.
   */
  public record Struct(String goType, Map<String, Object> fields) {
    public Struct {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** An anonymous struct of string fields: {@code struct { Name string; Zone string }}. */
    public static Struct ofStrings(Map<String, String> fields) {
      String type = fields.keySet().stream().map(k -> k + " string")
          .collect(Collectors.joining("; ", "struct { ", " }"));
      return new Struct(type, new LinkedHashMap<>(fields));
    }
  }

  private final String name;
  private final String text;
  private final Map<String, GoTemplateParser.Tree> trees;
  private final Map<String, StringFunction> functions;

  private GoTemplate(String name, String text, Map<String, GoTemplateParser.Tree> trees,
      Map<String, StringFunction> functions) {
    this.name = name;
    this.text = text;
    this.trees = trees;
    this.functions = functions;
  }

  /**
   * Parses {@code text} like {@code template.New("").Funcs(functions).Parse(text)}.
   *
   * @throws GoTemplateException with Go's message, e.g. {@code template: :1: function "x" not defined}
   */
  public static GoTemplate parse(String text, Map<String, StringFunction> functions)
      throws GoTemplateException {
    Map<String, GoTemplateParser.Tree> trees = new HashMap<>();
    Set<String> names = new HashSet<>(BUILTINS);
    names.addAll(functions.keySet());
    GoTemplateParser.parse("", text, names, trees);
    return new GoTemplate("", text, Map.copyOf(trees), Map.copyOf(functions));
  }

  /**
   * Executes the template with {@code data} as dot: a {@link Struct}, a {@code Map<String, ?>},
   * a {@code List<?>}, a {@code String}, {@code Long}/{@code Integer}, {@code Double} or {@code Boolean}.
   *
   * @throws GoTemplateException with Go's message, e.g. {@code template: :1:3: executing "" at <.X>: ...}
   */
  public String execute(Object data) throws GoTemplateException {
    Exec exec = new Exec(name, normalize(data));
    GoTemplateParser.Tree tree = trees.get(name);
    try {
      if (tree == null || tree.root() == null) {
        throw exec.errorf(GoStrings.quote(name) + " is an incomplete or empty template");
      }
      exec.walk(exec.vars.get(0).value, tree.root());
    } catch (ExecFailure f) {
      throw new GoTemplateException(f.getMessage());
    }
    return exec.out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Values: Java objects standing for Go values; NO_VALUE is Go's invalid reflect.Value.

  static final Object NO_VALUE = new Object() {
    @Override
    public String toString() {
      return "<no value>";
    }
  };
  private static final Object MISSING = new Object();

  static Object normalize(Object v) {
    if (v == null) {
      return NO_VALUE;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    return v;
  }

  static String typeName(Object v) {
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Long) {
      return "int";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Struct s) {
      return s.goType();
    }
    if (v instanceof Map) {
      return "map[string]interface {}";
    }
    if (v instanceof List) {
      return "[]interface {}";
    }
    return "<nil>";
  }

  static boolean isTrue(Object v) {
    if (v == NO_VALUE || v == null) {
      return false;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    return true;
  }

  /** Go's {@code fmt.Sprint} of one operand ({@code %v}). */
  static String format(Object v) {
    if (v == NO_VALUE || v == null) {
      return "<nil>";
    }
    if (v instanceof Double d) {
      return GoFloats.formatG(d);
    }
    if (v instanceof Struct s) {
      return s.fields().values().stream().map(GoTemplate::format)
          .collect(Collectors.joining(" ", "{", "}"));
    }
    if (v instanceof Map<?, ?> m) {
      return new TreeMap<>(m).entrySet().stream()
          .map(e -> format(e.getKey()) + ":" + format(e.getValue()))
          .collect(Collectors.joining(" ", "map[", "]"));
    }
    if (v instanceof List<?> l) {
      return l.stream().map(GoTemplate::format).collect(Collectors.joining(" ", "[", "]"));
    }
    return v.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Execution, following Go's exec.go.

  private static final class ExecFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExecFailure(String message) {
      super(message, null, false, false);
    }
  }

  private static final class LoopSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final LoopSignal BREAK = new LoopSignal();
    static final LoopSignal CONTINUE = new LoopSignal();

    private LoopSignal() {
      super(null, null, false, false);
    }
  }

  private record Variable(String name, Object value) {}

  private enum Param { STRING, ANY, VALUE }

  /** A function's Go signature: fixed parameter kinds and the kind of a variadic tail (or null). */
  private record Signature(List<Param> fixed, Param variadic) {
    int numIn() {
      return fixed.size() + (variadic == null ? 0 : 1);
    }
  }

  private static final Map<String, Signature> BUILTIN_SIGNATURES = Map.ofEntries(
      Map.entry("and", new Signature(List.of(Param.VALUE), Param.VALUE)),
      Map.entry("or", new Signature(List.of(Param.VALUE), Param.VALUE)),
      Map.entry("not", new Signature(List.of(Param.VALUE), null)),
      Map.entry("len", new Signature(List.of(Param.VALUE), null)),
      Map.entry("index", new Signature(List.of(Param.VALUE), Param.VALUE)),
      Map.entry("slice", new Signature(List.of(Param.VALUE), Param.VALUE)),
      Map.entry("call", new Signature(List.of(Param.VALUE), Param.VALUE)),
      Map.entry("print", new Signature(List.of(), Param.ANY)),
      Map.entry("println", new Signature(List.of(), Param.ANY)),
      Map.entry("printf", new Signature(List.of(Param.STRING), Param.ANY)),
      Map.entry("html", new Signature(List.of(), Param.ANY)),
      Map.entry("js", new Signature(List.of(), Param.ANY)),
      Map.entry("urlquery", new Signature(List.of(), Param.ANY)),
      Map.entry("eq", new Signature(List.of(Param.VALUE), Param.VALUE)),
      Map.entry("ne", new Signature(List.of(Param.VALUE, Param.VALUE), null)),
      Map.entry("lt", new Signature(List.of(Param.VALUE, Param.VALUE), null)),
      Map.entry("le", new Signature(List.of(Param.VALUE, Param.VALUE), null)),
      Map.entry("gt", new Signature(List.of(Param.VALUE, Param.VALUE), null)),
      Map.entry("ge", new Signature(List.of(Param.VALUE, Param.VALUE), null)));
  private static final Signature STRING_FUNCTION = new Signature(List.of(Param.STRING), null);

  private final class Exec {
    final String tmplName;
    final StringBuilder out = new StringBuilder();
    final List<Variable> vars = new ArrayList<>();
    GoTemplateNode node;
    int depth;

    Exec(String tmplName, Object dot) {
      this.tmplName = tmplName;
      vars.add(new Variable("$", dot));
    }

    ExecFailure errorf(String message) {
      if (node == null) {
        return new ExecFailure("template: " + tmplName + ": " + message);
      }
      return new ExecFailure("template: " + location(node) + ": executing "
          + GoStrings.quote(tmplName) + " at <" + node + ">: " + message);
    }

    private String location(GoTemplateNode n) {
      String before = text.substring(0, Math.min(n.pos, text.length()));
      int lastNewline = before.lastIndexOf('\n');
      int column = lastNewline < 0 ? n.pos : n.pos - (lastNewline + 1);
      int line = 1 + GoTemplateLexer.newlines(before);
      return ":" + line + ":" + column;
    }

    void at(GoTemplateNode n) {
      node = n;
    }

    int mark() {
      return vars.size();
    }

    void pop(int mark) {
      while (vars.size() > mark) {
        vars.remove(vars.size() - 1);
      }
    }

    void setVar(String varName, Object value) {
      for (int i = vars.size() - 1; i >= 0; i--) {
        if (vars.get(i).name().equals(varName)) {
          vars.set(i, new Variable(varName, value));
          return;
        }
      }
      throw errorf("undefined variable: " + varName);
    }

    void setTopVar(int n, Object value) {
      int i = vars.size() - n;
      vars.set(i, new Variable(vars.get(i).name(), value));
    }

    Object varValue(String varName) {
      for (int i = vars.size() - 1; i >= 0; i--) {
        if (vars.get(i).name().equals(varName)) {
          return vars.get(i).value();
        }
      }
      throw errorf("undefined variable: " + varName);
    }

    void walk(Object dot, GoTemplateNode n) {
      at(n);
      if (n instanceof ActionNode action) {
        Object val = evalPipeline(dot, action.pipe);
        if (action.pipe.decl.isEmpty()) {
          at(action);
          out.append(val == NO_VALUE ? "<no value>" : format(val));
        }
      } else if (n instanceof LoopControlNode loop) {
        throw loop.isBreak ? LoopSignal.BREAK : LoopSignal.CONTINUE;
      } else if (n instanceof CommentNode) {
        return;
      } else if (n instanceof BranchNode branch) {
        if (branch.keyword.equals("range")) {
          walkRange(dot, branch);
        } else {
          walkIfOrWith(branch.keyword.equals("with"), dot, branch);
        }
      } else if (n instanceof ListNode list) {
        list.nodes.forEach(child -> walk(dot, child));
      } else if (n instanceof TemplateNode t) {
        walkTemplate(dot, t);
      } else if (n instanceof TextNode t) {
        out.append(t.text);
      } else {
        throw errorf("unknown node: " + n);
      }
    }

    void walkIfOrWith(boolean isWith, Object dot, BranchNode b) {
      int mark = mark();
      try {
        Object val = evalPipeline(dot, b.pipe);
        if (isTrue(val)) {
          walk(isWith ? val : dot, b.list);
        } else if (b.elseList != null) {
          walk(dot, b.elseList);
        }
      } finally {
        pop(mark);
      }
    }

    void walkRange(Object dot, BranchNode r) {
      at(r);
      int outer = mark();
      try {
        Object val = evalPipeline(dot, r.pipe);
        int mark = mark();
        List<Object[]> items = new ArrayList<>();
        if (val instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            items.add(new Object[] {(long) i, normalize(list.get(i))});
          }
        } else if (val instanceof Map<?, ?> map) {
          new TreeMap<>(map).forEach((k, v) -> items.add(new Object[] {normalize(k), normalize(v)}));
        } else if (val != NO_VALUE) {
          throw errorf("range can't iterate over " + format(val));
        }
        try {
          for (Object[] item : items) {
            oneIteration(r, mark, item[0], item[1]);
          }
        } catch (LoopSignal s) {
          if (s != LoopSignal.BREAK) {
            throw s;
          }
        }
        if (items.isEmpty() && r.elseList != null) {
          walk(dot, r.elseList);
        }
      } finally {
        pop(outer);
      }
    }

    private void oneIteration(BranchNode r, int mark, Object index, Object elem) {
      List<VariableNode> decl = r.pipe.decl;
      if (!decl.isEmpty()) {
        if (r.pipe.isAssign) {
          setVar(decl.get(0).ident.get(0), decl.size() > 1 ? index : elem);
        } else {
          setTopVar(1, elem);
        }
      }
      if (decl.size() > 1) {
        if (r.pipe.isAssign) {
          setVar(decl.get(1).ident.get(0), elem);
        } else {
          setTopVar(2, index);
        }
      }
      try {
        walk(elem, r.list);
      } catch (LoopSignal s) {
        if (s != LoopSignal.CONTINUE) {
          throw s;
        }
      } finally {
        pop(mark);
      }
    }

    void walkTemplate(Object dot, TemplateNode t) {
      at(t);
      GoTemplateParser.Tree tree = trees.get(t.name);
      if (tree == null) {
        throw errorf("template " + GoStrings.quote(t.name) + " not defined");
      }
      if (depth == MAX_EXEC_DEPTH) {
        throw errorf("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
      }
      Object newDot = evalPipeline(dot, t.pipe);
      Exec nested = new Exec(t.name, newDot);
      nested.depth = depth + 1;
      nested.walk(newDot, tree.root());
      out.append(nested.out);
    }

    Object evalPipeline(Object dot, PipeNode pipe) {
      if (pipe == null) {
        return NO_VALUE;
      }
      at(pipe);
      Object value = MISSING;
      for (CommandNode cmd : pipe.cmds) {
        value = evalCommand(dot, cmd, value);
      }
      for (VariableNode v : pipe.decl) {
        if (pipe.isAssign) {
          setVar(v.ident.get(0), value);
        } else {
          vars.add(new Variable(v.ident.get(0), value));
        }
      }
      return value;
    }

    void notAFunction(List<GoTemplateNode> args, Object fin) {
      if (args.size() > 1 || fin != MISSING) {
        throw errorf("can't give argument to non-function " + args.get(0));
      }
    }

    Object evalCommand(Object dot, CommandNode cmd, Object fin) {
      GoTemplateNode first = cmd.args.get(0);
      if (first instanceof FieldNode f) {
        return evalFieldNode(dot, f, cmd.args, fin);
      }
      if (first instanceof ChainNode c) {
        return evalChainNode(dot, c, cmd.args, fin);
      }
      if (first instanceof IdentifierNode id) {
        return evalFunction(dot, id, cmd, cmd.args, fin);
      }
      if (first instanceof PipeNode p) {
        notAFunction(cmd.args, fin);
        return evalPipeline(dot, p);
      }
      if (first instanceof VariableNode v) {
        return evalVariableNode(dot, v, cmd.args, fin);
      }
      at(first);
      notAFunction(cmd.args, fin);
      if (first instanceof BoolNode b) {
        return b.value;
      }
      if (first instanceof DotNode) {
        return dot;
      }
      if (first instanceof NilNode) {
        throw errorf("nil is not a command");
      }
      if (first instanceof NumberNode n) {
        return idealConstant(n);
      }
      if (first instanceof StringNode s) {
        return s.text;
      }
      throw errorf("can't evaluate command " + GoStrings.quote(first.toString()));
    }

    Object idealConstant(NumberNode c) {
      at(c);
      if (c.isComplex) {
        throw errorf("complex constants are not supported");
      }
      boolean hexInt = c.text.length() > 2 && c.text.charAt(0) == '0'
          && (c.text.charAt(1) == 'x' || c.text.charAt(1) == 'X') && !c.text.matches(".*[pP].*");
      if (c.isFloat && !hexInt && !c.text.startsWith("'") && c.text.matches(".*[.eEpP].*")) {
        return c.float64;
      }
      if (c.isInt) {
        return c.int64;
      }
      if (c.isUint) {
        throw errorf(c.text + " overflows int");
      }
      return NO_VALUE;
    }

    Object evalFieldNode(Object dot, FieldNode f, List<GoTemplateNode> args, Object fin) {
      at(f);
      return evalFieldChain(dot, dot, f, f.ident, args, fin);
    }

    Object evalChainNode(Object dot, ChainNode c, List<GoTemplateNode> args, Object fin) {
      at(c);
      if (c.node instanceof NilNode) {
        throw errorf("indirection through explicit nil in " + c);
      }
      Object pipe = evalArg(dot, Param.ANY, c.node);
      return evalFieldChain(dot, pipe, c, c.fields, args, fin);
    }

    Object evalVariableNode(Object dot, VariableNode v, List<GoTemplateNode> args, Object fin) {
      at(v);
      Object value = varValue(v.ident.get(0));
      if (v.ident.size() == 1) {
        notAFunction(args, fin);
        return value;
      }
      return evalFieldChain(dot, value, v, v.ident.subList(1, v.ident.size()), args, fin);
    }

    Object evalFieldChain(Object dot, Object receiver, GoTemplateNode n, List<String> ident,
        List<GoTemplateNode> args, Object fin) {
      int last = ident.size() - 1;
      for (int i = 0; i < last; i++) {
        receiver = evalField(ident.get(i), List.of(), MISSING, receiver);
      }
      return evalField(ident.get(last), args, fin, receiver);
    }

    Object evalField(String fieldName, List<GoTemplateNode> args, Object fin, Object receiver) {
      if (receiver == NO_VALUE || receiver == null) {
        return NO_VALUE;
      }
      boolean hasArgs = args.size() > 1 || fin != MISSING;
      if (receiver instanceof Struct s && s.fields().containsKey(fieldName)) {
        if (hasArgs) {
          throw errorf(fieldName + " has arguments but cannot be invoked as function");
        }
        return normalize(s.fields().get(fieldName));
      }
      if (receiver instanceof Map<?, ?> m) {
        if (hasArgs) {
          throw errorf(fieldName + " is not a method but has arguments");
        }
        return m.containsKey(fieldName) ? normalize(m.get(fieldName)) : NO_VALUE;
      }
      throw errorf("can't evaluate field " + fieldName + " in type " + typeName(receiver));
    }

    Object evalFunction(Object dot, IdentifierNode id, GoTemplateNode cmd,
        List<GoTemplateNode> args, Object fin) {
      at(id);
      String fn = id.ident;
      Signature sig = functions.containsKey(fn) ? STRING_FUNCTION : BUILTIN_SIGNATURES.get(fn);
      if (sig == null) {
        throw errorf(GoStrings.quote(fn) + " is not a defined function");
      }
      return evalCall(dot, fn, sig, cmd, args, fin);
    }

    Object evalCall(Object dot, String fn, Signature sig, GoTemplateNode callNode,
        List<GoTemplateNode> args, Object fin) {
      List<GoTemplateNode> actual = args == null ? List.of() : args.subList(1, args.size());
      int numIn = actual.size() + (fin != MISSING ? 1 : 0);
      int numFixed = actual.size();
      if (sig.variadic() != null) {
        numFixed = sig.fixed().size();
        if (numIn < numFixed) {
          throw errorf("wrong number of args for " + fn + ": want at least " + numFixed + " got "
              + actual.size());
        }
      } else if (numIn != sig.numIn()) {
        throw errorf("wrong number of args for " + fn + ": want " + sig.numIn() + " got " + numIn);
      }
      boolean builtin = !functions.containsKey(fn);
      if (builtin && (fn.equals("and") || fn.equals("or"))) {
        Object v = NO_VALUE;
        for (GoTemplateNode arg : actual) {
          v = evalArg(dot, Param.VALUE, arg);
          if (isTrue(v) == fn.equals("or")) {
            return v;
          }
        }
        return fin != MISSING ? fin : v;
      }
      List<Object> argv = new ArrayList<>();
      int i = 0;
      for (; i < numFixed && i < actual.size(); i++) {
        argv.add(evalArg(dot, sig.fixed().get(i), actual.get(i)));
      }
      if (sig.variadic() != null) {
        for (; i < actual.size(); i++) {
          argv.add(evalArg(dot, sig.variadic(), actual.get(i)));
        }
      }
      if (fin != MISSING) {
        Param p = numIn - 1 < sig.fixed().size() ? sig.fixed().get(numIn - 1) : sig.variadic();
        argv.add(validateType(fin, p));
      }
      try {
        if (!builtin) {
          return functions.get(fn).apply((String) argv.get(0));
        }
        return GoBuiltins.call(fn, argv);
      } catch (ExecFailure f) {
        throw f;
      } catch (Exception e) {
        at(callNode);
        throw errorf("error calling " + fn + ": " + e.getMessage());
      }
    }

    Object validateType(Object value, Param p) {
      if (p != Param.STRING) {
        return value;
      }
      if (value == NO_VALUE || value == null) {
        throw errorf("invalid value; expected string");
      }
      if (!(value instanceof String)) {
        throw errorf("wrong type for value; expected string; got " + typeName(value));
      }
      return value;
    }

    Object evalArg(Object dot, Param p, GoTemplateNode n) {
      at(n);
      if (n instanceof DotNode) {
        return validateType(dot, p);
      }
      if (n instanceof NilNode) {
        if (p != Param.STRING) {
          return NO_VALUE;
        }
        throw errorf("cannot assign nil to string");
      }
      if (n instanceof FieldNode f) {
        return validateType(evalFieldNode(dot, f, List.of(n), MISSING), p);
      }
      if (n instanceof VariableNode v) {
        return validateType(evalVariableNode(dot, v, List.of(), MISSING), p);
      }
      if (n instanceof PipeNode pipe) {
        return validateType(evalPipeline(dot, pipe), p);
      }
      if (n instanceof IdentifierNode id) {
        return validateType(evalFunction(dot, id, id, null, MISSING), p);
      }
      if (n instanceof ChainNode c) {
        return validateType(evalChainNode(dot, c, List.of(), MISSING), p);
      }
      if (p == Param.STRING) {
        if (n instanceof StringNode s) {
          return s.text;
        }
        throw errorf("expected string; found " + n);
      }
      if (n instanceof BoolNode b) {
        return b.value;
      }
      if (n instanceof NumberNode num) {
        return idealConstant(num);
      }
      if (n instanceof StringNode s) {
        return s.text;
      }
      throw errorf("can't handle assignment of " + n + " to empty interface argument");
    }
  }
}
