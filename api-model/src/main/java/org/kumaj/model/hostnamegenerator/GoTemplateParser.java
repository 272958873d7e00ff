package org.kumaj.model.hostnamegenerator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kumaj.model.hostnamegenerator.GoTemplateLexer.Item;
import org.kumaj.model.hostnamegenerator.GoTemplateLexer.T;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.ActionNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.BoolNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.BranchNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.ChainNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.CommandNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.CommentNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.DotNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.ElseNode;
import org.kumaj.model.hostnamegenerator.GoTemplateNode.EndNode;
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
 * The parser of Go's {@code text/template}, ported so that the same templates are accepted and
 * the same ones rejected with the same messages ({@code template: :1: ...}). One instance parses
 * one template (or one {@code define}/{@code block} body); not thread-safe.
 */
final class GoTemplateParser {
  private static final int MAX_STACK_DEPTH = 10000;

  /** A parsed template: its name and body. */
  record Tree(String name, ListNode root) {}

  private String name;
  private final String parseName;
  private final String text;
  private final Set<String> funcs;
  private final GoTemplateLexer lex;
  private final Map<String, Tree> treeSet;
  private final Item[] token = new Item[3];
  private int peekCount;
  private final List<String> vars = new ArrayList<>(List.of("$"));
  private int actionLine;
  private int rangeDepth;
  private int stackDepth;
  private ListNode root;

  private GoTemplateParser(String name, String parseName, String text, Set<String> funcs,
      GoTemplateLexer lex, Map<String, Tree> treeSet) {
    this.name = name;
    this.parseName = parseName;
    this.text = text;
    this.funcs = funcs;
    this.lex = lex;
    this.treeSet = treeSet;
  }

  /**
   * Parses {@code text} as the template named {@code name}; templates it defines are added to
   * {@code treeSet} as well.
   */
  static void parse(String name, String text, Set<String> funcs, Map<String, Tree> treeSet)
      throws GoTemplateException {
    GoTemplateLexer lex =
        new GoTemplateLexer(text, !funcs.contains("break"), !funcs.contains("continue"));
    GoTemplateParser p = new GoTemplateParser(name, name, text, funcs, lex, treeSet);
    try {
      p.parseTop();
      p.add();
    } catch (Failure f) {
      throw new GoTemplateException(f.getMessage());
    }
  }

  /** Unwinds the parse on the first error, like Go's panic/recover. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  // --- token stream ---

  private Item next() {
    if (peekCount > 0) {
      peekCount--;
    } else {
      token[0] = lex.nextItem();
    }
    return token[peekCount];
  }

  private void backup() {
    peekCount++;
  }

  private void backup2(Item t1) {
    token[1] = t1;
    peekCount = 2;
  }

  private void backup3(Item t2, Item t1) {
    token[1] = t1;
    token[2] = t2;
    peekCount = 3;
  }

  private Item peek() {
    if (peekCount > 0) {
      return token[peekCount - 1];
    }
    peekCount = 1;
    token[0] = lex.nextItem();
    return token[0];
  }

  private Item nextNonSpace() {
    Item t;
    do {
      t = next();
    } while (t.typ() == T.SPACE);
    return t;
  }

  private Item peekNonSpace() {
    Item t = nextNonSpace();
    backup();
    return t;
  }

  // --- errors ---

  private Failure errorf(String message) {
    root = null;
    int line = token[0] == null ? 1 : token[0].line();
    throw new Failure("template: " + parseName + ":" + line + ": " + message);
  }

  private Item expect(T expected, String context) {
    Item t = nextNonSpace();
    if (t.typ() != expected) {
      unexpected(t, context);
    }
    return t;
  }

  private Item expectOneOf(T expected1, T expected2, String context) {
    Item t = nextNonSpace();
    if (t.typ() != expected1 && t.typ() != expected2) {
      unexpected(t, context);
    }
    return t;
  }

  private void unexpected(Item t, String context) {
    if (t.typ() == T.ERROR) {
      String extra = "";
      if (actionLine != 0 && actionLine != t.line()) {
        extra = " in action started at " + parseName + ":" + actionLine;
        if (t.val().endsWith(" action")) {
          extra = extra.substring(" in action".length());
        }
      }
      throw errorf(t + extra);
    }
    throw errorf("unexpected " + t + " in " + context);
  }

  // --- grammar ---

  private void add() {
    Tree existing = treeSet.get(name);
    if (existing == null || isEmptyTree(existing.root())) {
      treeSet.put(name, new Tree(name, root));
      return;
    }
    if (!isEmptyTree(root)) {
      throw errorf("template: multiple definition of template " + GoStrings.quote(name));
    }
  }

  static boolean isEmptyTree(GoTemplateNode n) {
    if (n == null || n instanceof CommentNode) {
      return true;
    }
    if (n instanceof ListNode list) {
      return list.nodes.stream().allMatch(GoTemplateParser::isEmptyTree);
    }
    if (n instanceof TextNode t) {
      return t.text.isBlank();
    }
    return false;
  }

  private GoTemplateParser child(String childName) {
    return new GoTemplateParser(childName, parseName, text, funcs, lex, treeSet);
  }

  private void parseTop() {
    root = new ListNode(peek().pos());
    while (peek().typ() != T.EOF) {
      if (peek().typ() == T.LEFT_DELIM) {
        Item delim = next();
        if (nextNonSpace().typ() == T.DEFINE) {
          child("definition").parseDefinition();
          continue;
        }
        backup2(delim);
      }
      GoTemplateNode n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        throw errorf("unexpected " + n);
      }
      root.nodes.add(n);
    }
  }

  private void parseDefinition() {
    String context = "define clause";
    Item nameToken = expectOneOf(T.STRING, T.RAW_STRING, context);
    name = unquote(nameToken.val());
    expect(T.RIGHT_DELIM, context);
    GoTemplateNode[] end = new GoTemplateNode[1];
    root = itemList(end);
    if (!(end[0] instanceof EndNode)) {
      throw errorf("unexpected " + end[0] + " in " + context);
    }
    add();
  }

  private ListNode itemList(GoTemplateNode[] terminator) {
    ListNode list = new ListNode(peekNonSpace().pos());
    while (peekNonSpace().typ() != T.EOF) {
      GoTemplateNode n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        terminator[0] = n;
        return list;
      }
      list.nodes.add(n);
    }
    throw errorf("unexpected EOF");
  }

  private GoTemplateNode textOrAction() {
    Item t = nextNonSpace();
    switch (t.typ()) {
      case TEXT:
        return new TextNode(t.pos(), t.val());
      case LEFT_DELIM:
        actionLine = t.line();
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      case COMMENT:
        return new CommentNode(t.pos(), t.val());
      default:
        unexpected(t, "input");
        return null;
    }
  }

  private GoTemplateNode action() {
    Item t = nextNonSpace();
    switch (t.typ()) {
      case BLOCK:
        return blockControl();
      case BREAK:
        return loopControl(t, true);
      case CONTINUE:
        return loopControl(t, false);
      case ELSE:
        return elseControl();
      case END:
        return new EndNode(expect(T.RIGHT_DELIM, "end").pos());
      case IF:
        return branch("if");
      case RANGE:
        return branch("range");
      case TEMPLATE:
        return templateControl();
      case WITH:
        return branch("with");
      default:
        break;
    }
    backup();
    Item first = peek();
    return new ActionNode(first.pos(), pipeline("command", T.RIGHT_DELIM));
  }

  private GoTemplateNode loopControl(Item keyword, boolean isBreak) {
    String context = isBreak ? "{{break}}" : "{{continue}}";
    Item t = nextNonSpace();
    if (t.typ() != T.RIGHT_DELIM) {
      unexpected(t, context);
    }
    if (rangeDepth == 0) {
      throw errorf(context + " outside {{range}}");
    }
    return new LoopControlNode(keyword.pos(), isBreak);
  }

  private PipeNode pipeline(String context, T end) {
    Item first = peekNonSpace();
    PipeNode pipe = new PipeNode(first.pos(), first.line());
    decls:
    while (true) {
      Item v = peekNonSpace();
      if (v.typ() == T.VARIABLE) {
        next();
        Item tokenAfterVariable = peek();
        Item following = peekNonSpace();
        if (following.typ() == T.ASSIGN || following.typ() == T.DECLARE) {
          pipe.isAssign = following.typ() == T.ASSIGN;
          nextNonSpace();
          pipe.decl.add(new VariableNode(v.pos(), v.val()));
          vars.add(v.val());
        } else if (following.typ() == T.CHAR && following.val().equals(",")) {
          nextNonSpace();
          pipe.decl.add(new VariableNode(v.pos(), v.val()));
          vars.add(v.val());
          if (context.equals("range") && pipe.decl.size() < 2) {
            T after = peekNonSpace().typ();
            if (after == T.VARIABLE || after == T.RIGHT_DELIM || after == T.RIGHT_PAREN) {
              continue decls;
            }
            throw errorf("range can only initialize variables");
          }
          throw errorf("too many declarations in " + context);
        } else if (tokenAfterVariable.typ() == T.SPACE) {
          backup3(v, tokenAfterVariable);
        } else {
          backup2(v);
        }
      }
      break;
    }
    while (true) {
      Item t = nextNonSpace();
      if (t.typ() == end) {
        checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.typ()) {
        case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
            VARIABLE, LEFT_PAREN -> {
          backup();
          pipe.cmds.add(command());
        }
        default -> unexpected(t, context);
      }
    }
  }

  private void checkPipeline(PipeNode pipe, String context) {
    if (pipe.cmds.isEmpty()) {
      throw errorf("missing value for " + context);
    }
    for (int i = 1; i < pipe.cmds.size(); i++) {
      GoTemplateNode first = pipe.cmds.get(i).args.get(0);
      if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
          || first instanceof NumberNode || first instanceof StringNode) {
        throw errorf("non executable command in pipeline stage " + (i + 1));
      }
    }
  }

  private BranchNode branch(String context) {
    int mark = vars.size();
    try {
      PipeNode pipe = pipeline(context, T.RIGHT_DELIM);
      if (context.equals("range")) {
        rangeDepth++;
      }
      GoTemplateNode[] terminator = new GoTemplateNode[1];
      ListNode list = itemList(terminator);
      if (context.equals("range")) {
        rangeDepth--;
      }
      ListNode elseList = null;
      if (terminator[0] instanceof ElseNode elseNode) {
        if (context.equals("if") && peek().typ() == T.IF) {
          next();
          elseList = new ListNode(elseNode.pos);
          elseList.nodes.add(branch("if"));
        } else if (context.equals("with") && peek().typ() == T.WITH) {
          next();
          elseList = new ListNode(elseNode.pos);
          elseList.nodes.add(branch("with"));
        } else {
          elseList = itemList(terminator);
          if (!(terminator[0] instanceof EndNode)) {
            throw errorf("expected end; found " + terminator[0]);
          }
        }
      }
      return new BranchNode(context, pipe, list, elseList);
    } finally {
      while (vars.size() > mark) {
        vars.remove(vars.size() - 1);
      }
    }
  }

  private GoTemplateNode elseControl() {
    Item p = peekNonSpace();
    if (p.typ() == T.IF || p.typ() == T.WITH) {
      return new ElseNode(p.pos());
    }
    return new ElseNode(expect(T.RIGHT_DELIM, "else").pos());
  }

  private GoTemplateNode blockControl() {
    String context = "block clause";
    Item t = nextNonSpace();
    String blockName = templateName(t, context);
    PipeNode pipe = pipeline(context, T.RIGHT_DELIM);
    GoTemplateParser block = child(blockName);
    GoTemplateNode[] end = new GoTemplateNode[1];
    block.root = block.itemList(end);
    if (!(end[0] instanceof EndNode)) {
      throw errorf("unexpected " + end[0] + " in " + context);
    }
    block.add();
    return new TemplateNode(t.pos(), blockName, pipe);
  }

  private GoTemplateNode templateControl() {
    String context = "template clause";
    Item t = nextNonSpace();
    String templateName = templateName(t, context);
    PipeNode pipe = null;
    if (nextNonSpace().typ() != T.RIGHT_DELIM) {
      backup();
      pipe = pipeline(context, T.RIGHT_DELIM);
    }
    return new TemplateNode(t.pos(), templateName, pipe);
  }

  private String templateName(Item t, String context) {
    if (t.typ() == T.STRING || t.typ() == T.RAW_STRING) {
      return unquote(t.val());
    }
    unexpected(t, context);
    return null;
  }

  private CommandNode command() {
    CommandNode cmd = new CommandNode(peekNonSpace().pos());
    while (true) {
      peekNonSpace();
      GoTemplateNode operand = operand();
      if (operand != null) {
        cmd.args.add(operand);
      }
      Item t = next();
      if (t.typ() == T.SPACE) {
        continue;
      }
      if (t.typ() == T.RIGHT_DELIM || t.typ() == T.RIGHT_PAREN) {
        backup();
      } else if (t.typ() != T.PIPE) {
        unexpected(t, "operand");
      }
      break;
    }
    if (cmd.args.isEmpty()) {
      throw errorf("empty command");
    }
    return cmd;
  }

  private GoTemplateNode operand() {
    GoTemplateNode node = term();
    if (node == null) {
      return null;
    }
    if (peek().typ() == T.FIELD) {
      ChainNode chain = new ChainNode(peek().pos(), node);
      while (peek().typ() == T.FIELD) {
        chain.add(next().val());
      }
      if (node instanceof FieldNode) {
        return new FieldNode(chain.pos, chain.toString());
      }
      if (node instanceof VariableNode) {
        return new VariableNode(chain.pos, chain.toString());
      }
      if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
          || node instanceof NilNode || node instanceof DotNode) {
        throw errorf("unexpected . after term " + GoStrings.quote(node.toString()));
      }
      return chain;
    }
    return node;
  }

  private GoTemplateNode term() {
    Item t = nextNonSpace();
    switch (t.typ()) {
      case IDENTIFIER:
        if (!funcs.contains(t.val())) {
          throw errorf("function " + GoStrings.quote(t.val()) + " not defined");
        }
        return new IdentifierNode(t.pos(), t.val());
      case DOT:
        return new DotNode(t.pos());
      case NIL:
        return new NilNode(t.pos());
      case VARIABLE:
        return useVar(t.pos(), t.val());
      case FIELD:
        return new FieldNode(t.pos(), t.val());
      case BOOL:
        return new BoolNode(t.pos(), t.val().equals("true"));
      case CHAR_CONSTANT, COMPLEX, NUMBER:
        return number(t);
      case LEFT_PAREN:
        if (stackDepth >= MAX_STACK_DEPTH) {
          throw errorf("max expression depth exceeded");
        }
        stackDepth++;
        try {
          return pipeline("parenthesized pipeline", T.RIGHT_PAREN);
        } finally {
          stackDepth--;
        }
      case STRING, RAW_STRING:
        return new StringNode(t.pos(), t.val(), unquote(t.val()));
      default:
        backup();
        return null;
    }
  }

  private VariableNode useVar(int pos, String varName) {
    VariableNode v = new VariableNode(pos, varName);
    if (vars.contains(v.ident.get(0))) {
      return v;
    }
    throw errorf("undefined variable " + GoStrings.quote(v.ident.get(0)));
  }

  private String unquote(String quoted) {
    try {
      return GoLiterals.unquote(quoted);
    } catch (GoLiterals.SyntaxException e) {
      throw errorf(e.getMessage());
    }
  }

  // --- numbers (Go's NumberNode rules) ---

  private NumberNode number(Item t) {
    String s = t.val();
    NumberNode n = new NumberNode(t.pos(), s);
    if (t.typ() == T.CHAR_CONSTANT) {
      int[] at = {1};
      int rune;
      try {
        rune = GoLiterals.unquoteChar(s, at, '\'');
      } catch (GoLiterals.SyntaxException e) {
        throw errorf(e.getMessage());
      }
      if (!s.substring(at[0]).equals("'")) {
        throw errorf("malformed character constant: " + s);
      }
      n.isInt = n.isUint = n.isFloat = true;
      n.int64 = rune;
      n.float64 = rune;
      return n;
    }
    if (t.typ() == T.COMPLEX) {
      n.isComplex = true;
      return n;
    }
    if (s.endsWith("i") && parseFloat(s.substring(0, s.length() - 1)) != null) {
      n.isComplex = true;
      return n;
    }
    BigInteger u = parseInteger(s, false);
    if (u != null && u.bitLength() <= 64) {
      n.isUint = true;
      n.int64 = u.longValue();
    }
    BigInteger i = parseInteger(s, true);
    if (i != null && i.bitLength() <= 63) {
      n.isInt = true;
      n.int64 = i.longValue();
      if (n.int64 == 0) {
        n.isUint = true;
      }
    }
    if (n.isInt) {
      n.isFloat = true;
      n.float64 = n.int64;
    } else if (n.isUint) {
      n.isFloat = true;
      n.float64 = new BigDecimal(u).doubleValue();
    } else {
      Double f = parseFloat(s);
      if (f != null) {
        if (!s.matches(".*[.eEpP].*")) {
          throw errorf("integer overflow: " + s);
        }
        n.isFloat = true;
        n.float64 = f;
        if (f == Math.rint(f) && Math.abs(f) < 0x1p63) {
          n.isInt = true;
          n.int64 = (long) f.doubleValue();
        }
        if (f == Math.rint(f) && f >= 0 && f < 0x1p64) {
          n.isUint = true;
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) {
      throw errorf("illegal number syntax: " + GoStrings.quote(s));
    }
    return n;
  }

  /** Go's {@code strconv.ParseInt/ParseUint(s, 0, ...)}, without the range check. */
  static BigInteger parseInteger(String s, boolean signed) {
    String body = s;
    boolean negative = false;
    if (signed && !body.isEmpty() && (body.charAt(0) == '+' || body.charAt(0) == '-')) {
      negative = body.charAt(0) == '-';
      body = body.substring(1);
    }
    if (body.isEmpty() || !underscoreOk(body)) {
      return null;
    }
    int radix = 10;
    String digits = body;
    if (body.length() >= 2 && body.charAt(0) == '0') {
      char p = Character.toLowerCase(body.charAt(1));
      if (p == 'x' || p == 'o' || p == 'b') {
        radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        digits = body.substring(2);
      } else {
        radix = 8;
        digits = body.substring(1);
      }
    }
    digits = digits.replace("_", "");
    if (digits.isEmpty() || digits.startsWith("-") || digits.startsWith("+")) {
      return null;
    }
    try {
      BigInteger v = new BigInteger(digits, radix);
      return negative ? v.negate() : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Go's {@code strconv.ParseFloat(s, 64)} for the literals the lexer produces; null if invalid. */
  static Double parseFloat(String s) {
    String body = s;
    if (!underscoreOk(body)) {
      return null;
    }
    body = body.replace("_", "");
    boolean valid = body.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")
        || body.matches("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?[0-9]+");
    if (!valid) {
      return null;
    }
    double d = Double.parseDouble(body);
    return Double.isInfinite(d) ? null : d;
  }

  private static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char p = Character.toLowerCase(s.charAt(1));
      if (p == 'b' || p == 'o' || p == 'x') {
        i = 2;
        saw = '0';
        hex = p == 'x';
      }
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      char lower = Character.toLowerCase(c);
      if ('0' <= c && c <= '9' || hex && 'a' <= lower && lower <= 'f') {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }
}
