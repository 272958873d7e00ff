package org.kumaj.model.hostnamegenerator;

import java.util.ArrayList;
import java.util.List;
import org.kumaj.model.validation.GoStrings;

/**
 * The parse tree of a Go template, shaped like Go's {@code text/template/parse} nodes. Each node
 * renders itself back to template syntax the way Go does, because Go's error messages quote
 * nodes.
 */
abstract class GoTemplateNode {
  final int pos;

  GoTemplateNode(int pos) {
    this.pos = pos;
  }

  abstract void writeTo(StringBuilder sb);

  @Override
  public final String toString() {
    StringBuilder sb = new StringBuilder();
    writeTo(sb);
    return sb.toString();
  }

  static final class ListNode extends GoTemplateNode {
    final List<GoTemplateNode> nodes = new ArrayList<>();

    ListNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      nodes.forEach(n -> n.writeTo(sb));
    }
  }

  static final class TextNode extends GoTemplateNode {
    final String text;

    TextNode(int pos, String text) {
      super(pos);
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(text);
    }
  }

  static final class CommentNode extends GoTemplateNode {
    final String text;

    CommentNode(int pos, String text) {
      super(pos);
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{").append(text).append("}}");
    }
  }

  static final class PipeNode extends GoTemplateNode {
    final int line;
    boolean isAssign;
    final List<VariableNode> decl = new ArrayList<>();
    final List<CommandNode> cmds = new ArrayList<>();

    PipeNode(int pos, int line) {
      super(pos);
      this.line = line;
    }

    @Override
    void writeTo(StringBuilder sb) {
      if (!decl.isEmpty()) {
        for (int i = 0; i < decl.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          decl.get(i).writeTo(sb);
        }
        sb.append(isAssign ? " = " : " := ");
      }
      for (int i = 0; i < cmds.size(); i++) {
        if (i > 0) {
          sb.append(" | ");
        }
        cmds.get(i).writeTo(sb);
      }
    }
  }

  static final class ActionNode extends GoTemplateNode {
    final PipeNode pipe;

    ActionNode(int pos, PipeNode pipe) {
      super(pos);
      this.pipe = pipe;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{");
      pipe.writeTo(sb);
      sb.append("}}");
    }
  }

  static final class CommandNode extends GoTemplateNode {
    final List<GoTemplateNode> args = new ArrayList<>();

    CommandNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        GoTemplateNode arg = args.get(i);
        if (arg instanceof PipeNode) {
          sb.append('(');
          arg.writeTo(sb);
          sb.append(')');
        } else {
          arg.writeTo(sb);
        }
      }
    }
  }

  static final class IdentifierNode extends GoTemplateNode {
    final String ident;

    IdentifierNode(int pos, String ident) {
      super(pos);
      this.ident = ident;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(ident);
    }
  }

  /** {@code $x.Field}: the variable name followed by fields. */
  static final class VariableNode extends GoTemplateNode {
    final List<String> ident;

    VariableNode(int pos, String ident) {
      super(pos);
      this.ident = List.of(ident.split("\\.", -1));
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(String.join(".", ident));
    }
  }

  static final class DotNode extends GoTemplateNode {
    DotNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append('.');
    }
  }

  static final class NilNode extends GoTemplateNode {
    NilNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("nil");
    }
  }

  /** {@code .A.B}: fields of dot. */
  static final class FieldNode extends GoTemplateNode {
    final List<String> ident;

    FieldNode(int pos, String ident) {
      super(pos);
      this.ident = List.of(ident.substring(1).split("\\.", -1));
    }

    @Override
    void writeTo(StringBuilder sb) {
      ident.forEach(id -> sb.append('.').append(id));
    }
  }

  /** {@code (pipeline).A.B} or {@code func.A}: a term followed by fields. */
  static final class ChainNode extends GoTemplateNode {
    final GoTemplateNode node;
    final List<String> fields = new ArrayList<>();

    ChainNode(int pos, GoTemplateNode node) {
      super(pos);
      this.node = node;
    }

    void add(String field) {
      fields.add(field.substring(1));
    }

    @Override
    void writeTo(StringBuilder sb) {
      if (node instanceof PipeNode) {
        sb.append('(');
        node.writeTo(sb);
        sb.append(')');
      } else {
        node.writeTo(sb);
      }
      fields.forEach(f -> sb.append('.').append(f));
    }
  }

  static final class BoolNode extends GoTemplateNode {
    final boolean value;

    BoolNode(int pos, boolean value) {
      super(pos);
      this.value = value;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(value);
    }
  }

  /** A number with every Go type that can hold it, like Go's ideal constants. */
  static final class NumberNode extends GoTemplateNode {
    final String text;
    boolean isInt;
    boolean isUint;
    boolean isFloat;
    boolean isComplex;
    long int64;
    double float64;

    NumberNode(int pos, String text) {
      super(pos);
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(text);
    }
  }

  static final class StringNode extends GoTemplateNode {
    final String quoted;
    final String text;

    StringNode(int pos, String quoted, String text) {
      super(pos);
      this.quoted = quoted;
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(quoted);
    }
  }

  static final class EndNode extends GoTemplateNode {
    EndNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{end}}");
    }
  }

  static final class ElseNode extends GoTemplateNode {
    ElseNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{else}}");
    }
  }

  /** {@code if}, {@code range} or {@code with}. */
  static final class BranchNode extends GoTemplateNode {
    final String keyword;
    final PipeNode pipe;
    final ListNode list;
    final ListNode elseList;

    BranchNode(String keyword, PipeNode pipe, ListNode list, ListNode elseList) {
      super(pipe.pos);
      this.keyword = keyword;
      this.pipe = pipe;
      this.list = list;
      this.elseList = elseList;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{").append(keyword).append(' ');
      pipe.writeTo(sb);
      sb.append("}}");
      list.writeTo(sb);
      if (elseList != null) {
        sb.append("{{else}}");
        elseList.writeTo(sb);
      }
      sb.append("{{end}}");
    }
  }

  static final class TemplateNode extends GoTemplateNode {
    final String name;
    final PipeNode pipe;

    TemplateNode(int pos, String name, PipeNode pipe) {
      super(pos);
      this.name = name;
      this.pipe = pipe;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{template ").append(GoStrings.quote(name));
      if (pipe != null) {
        sb.append(' ');
        pipe.writeTo(sb);
      }
      sb.append("}}");
    }
  }

  /** {@code break} or {@code continue}. */
  static final class LoopControlNode extends GoTemplateNode {
    final boolean isBreak;

    LoopControlNode(int pos, boolean isBreak) {
      super(pos);
      this.isBreak = isBreak;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(isBreak ? "{{break}}" : "{{continue}}");
    }
  }
}
