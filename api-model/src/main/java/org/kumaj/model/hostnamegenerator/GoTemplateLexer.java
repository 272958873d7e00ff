package org.kumaj.model.hostnamegenerator;

import java.util.Map;
import org.kumaj.model.validation.GoStrings;

/**
 * The scanner of Go's {@code text/template} ported state for state, so that templates are split
 * into the same tokens and rejected with the same messages as Kuma's Go parser does. Not
 * thread-safe: one instance per parse.
 */
final class GoTemplateLexer {
  enum T {
    ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER,
    LEFT_DELIM, LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING,
    TEXT, VARIABLE,
    // keywords come after KEYWORD
    KEYWORD, BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

    boolean isKeyword() {
      return ordinal() > KEYWORD.ordinal();
    }
  }

  /** One token: type, start offset, text and the line it starts on. */
  record Item(T typ, int pos, String val, int line) {
    @Override
    public String toString() {
      if (typ == T.EOF) {
        return "EOF";
      }
      if (typ == T.ERROR) {
        return val;
      }
      if (typ.isKeyword()) {
        return "<" + val + ">";
      }
      if (val.codePointCount(0, val.length()) > 10) {
        return GoStrings.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
      }
      return GoStrings.quote(val);
    }
  }

  private static final Map<String, T> KEYWORDS = Map.ofEntries(
      Map.entry(".", T.DOT), Map.entry("block", T.BLOCK), Map.entry("break", T.BREAK),
      Map.entry("continue", T.CONTINUE), Map.entry("define", T.DEFINE), Map.entry("else", T.ELSE),
      Map.entry("end", T.END), Map.entry("if", T.IF), Map.entry("range", T.RANGE),
      Map.entry("nil", T.NIL), Map.entry("template", T.TEMPLATE), Map.entry("with", T.WITH));

  private static final int EOF = -1;
  private static final String LEFT_DELIM = "{{";
  private static final String RIGHT_DELIM = "}}";
  private static final String LEFT_COMMENT = "/*";
  private static final String RIGHT_COMMENT = "*/";
  private static final int TRIM_MARKER_LEN = 2;

  @FunctionalInterface
  private interface State {
    State run();
  }

  private String input;
  private int pos;
  private int start;
  private boolean atEof;
  private int parenDepth;
  private int line = 1;
  private int startLine = 1;
  private Item item;
  private boolean insideAction;
  final boolean breakOk;
  final boolean continueOk;

  GoTemplateLexer(String input, boolean breakOk, boolean continueOk) {
    this.input = input;
    this.breakOk = breakOk;
    this.continueOk = continueOk;
  }

  Item nextItem() {
    item = new Item(T.EOF, pos, "EOF", startLine);
    State state = insideAction ? this::lexInsideAction : this::lexText;
    while (true) {
      state = state.run();
      if (state == null) {
        return item;
      }
    }
  }

  private int next() {
    if (pos >= input.length()) {
      atEof = true;
      return EOF;
    }
    int r = input.codePointAt(pos);
    pos += Character.charCount(r);
    if (r == '\n') {
      line++;
    }
    return r;
  }

  private int peek() {
    int r = next();
    backup();
    return r;
  }

  private void backup() {
    if (!atEof && pos > 0) {
      int r = input.codePointBefore(pos);
      pos -= Character.charCount(r);
      if (r == '\n') {
        line--;
      }
    }
  }

  private Item thisItem(T t) {
    Item i = new Item(t, start, input.substring(start, pos), startLine);
    start = pos;
    startLine = line;
    return i;
  }

  private State emit(T t) {
    return emitItem(thisItem(t));
  }

  private State emitItem(Item i) {
    item = i;
    return null;
  }

  private void ignore() {
    line += newlines(input.substring(start, pos));
    start = pos;
    startLine = line;
  }

  private boolean accept(String valid) {
    int r = next();
    if (r != EOF && valid.indexOf(r) >= 0) {
      return true;
    }
    backup();
    return false;
  }

  private void acceptRun(String valid) {
    while (true) {
      int r = next();
      if (r == EOF || valid.indexOf(r) < 0) {
        break;
      }
    }
    backup();
  }

  private State errorf(String message) {
    item = new Item(T.ERROR, start, message, startLine);
    start = 0;
    pos = 0;
    input = "";
    return null;
  }

  private State lexText() {
    int x = input.indexOf(LEFT_DELIM, pos);
    if (x >= 0) {
      if (x > pos) {
        pos = x;
        int trimLength = 0;
        int delimEnd = pos + LEFT_DELIM.length();
        if (hasLeftTrimMarker(input, delimEnd)) {
          trimLength = rightTrimLength(input.substring(start, pos));
        }
        pos -= trimLength;
        line += newlines(input.substring(start, pos));
        Item i = thisItem(T.TEXT);
        pos += trimLength;
        ignore();
        if (!i.val().isEmpty()) {
          return emitItem(i);
        }
      }
      return this::lexLeftDelim;
    }
    pos = input.length();
    if (pos > start) {
      line += newlines(input.substring(start, pos));
      return emit(T.TEXT);
    }
    return emit(T.EOF);
  }

  private int atRightDelim() {
    if (hasRightTrimMarker(input, pos) && input.startsWith(RIGHT_DELIM, pos + TRIM_MARKER_LEN)) {
      return 2;
    }
    return input.startsWith(RIGHT_DELIM, pos) ? 1 : 0;
  }

  private State lexLeftDelim() {
    pos += LEFT_DELIM.length();
    boolean trimSpace = hasLeftTrimMarker(input, pos);
    int afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
    if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
      pos += afterMarker;
      ignore();
      return this::lexComment;
    }
    Item i = thisItem(T.LEFT_DELIM);
    insideAction = true;
    pos += afterMarker;
    ignore();
    parenDepth = 0;
    return emitItem(i);
  }

  private State lexComment() {
    pos += LEFT_COMMENT.length();
    int x = input.indexOf(RIGHT_COMMENT, pos);
    if (x < 0) {
      return errorf("unclosed comment");
    }
    pos = x + RIGHT_COMMENT.length();
    int delim = atRightDelim();
    if (delim == 0) {
      return errorf("comment ends before closing delimiter");
    }
    line += newlines(input.substring(start, pos));
    thisItem(T.COMMENT);
    if (delim == 2) {
      pos += TRIM_MARKER_LEN;
    }
    pos += RIGHT_DELIM.length();
    if (delim == 2) {
      pos += leftTrimLength(input.substring(pos));
    }
    ignore();
    return this::lexText;
  }

  private State lexRightDelim() {
    boolean trimSpace = atRightDelim() == 2;
    if (trimSpace) {
      pos += TRIM_MARKER_LEN;
      ignore();
    }
    pos += RIGHT_DELIM.length();
    Item i = thisItem(T.RIGHT_DELIM);
    if (trimSpace) {
      pos += leftTrimLength(input.substring(pos));
      ignore();
    }
    insideAction = false;
    return emitItem(i);
  }

  private State lexInsideAction() {
    if (atRightDelim() != 0) {
      if (parenDepth == 0) {
        return this::lexRightDelim;
      }
      return errorf("unclosed left paren");
    }
    int r = next();
    if (r == EOF) {
      return errorf("unclosed action");
    }
    if (isSpace(r)) {
      backup();
      return this::lexSpace;
    }
    switch (r) {
      case '=':
        return emit(T.ASSIGN);
      case ':':
        if (next() != '=') {
          return errorf("expected :=");
        }
        return emit(T.DECLARE);
      case '|':
        return emit(T.PIPE);
      case '"':
        return this::lexQuote;
      case '`':
        return this::lexRawQuote;
      case '$':
        return this::lexVariable;
      case '\'':
        return this::lexChar;
      case '.':
        if (pos < input.length()) {
          char c = input.charAt(pos);
          if (c < '0' || '9' < c) {
            return this::lexField;
          }
        }
        backup();
        return this::lexNumber;
      case '(':
        parenDepth++;
        return emit(T.LEFT_PAREN);
      case ')':
        parenDepth--;
        if (parenDepth < 0) {
          return errorf("unexpected right paren");
        }
        return emit(T.RIGHT_PAREN);
      default:
        break;
    }
    if (r == '+' || r == '-' || ('0' <= r && r <= '9')) {
      backup();
      return this::lexNumber;
    }
    if (isAlphaNumeric(r)) {
      backup();
      return this::lexIdentifier;
    }
    if (r <= 0x7f && r >= 0x20 && r < 0x7f) {
      return emit(T.CHAR);
    }
    return errorf("unrecognized character in action: " + GoLiterals.formatRune(r));
  }

  private State lexSpace() {
    int numSpaces = 0;
    while (isSpace(peek())) {
      next();
      numSpaces++;
    }
    if (hasRightTrimMarker(input, pos - 1)
        && input.startsWith(RIGHT_DELIM, pos - 1 + TRIM_MARKER_LEN)) {
      backup();
      if (numSpaces == 1) {
        return this::lexRightDelim;
      }
    }
    return emit(T.SPACE);
  }

  private State lexIdentifier() {
    while (true) {
      int r = next();
      if (isAlphaNumeric(r)) {
        continue;
      }
      backup();
      String word = input.substring(start, pos);
      if (!atTerminator()) {
        return errorf("bad character " + GoLiterals.formatRune(r));
      }
      T keyword = KEYWORDS.get(word);
      if (keyword != null) {
        if (keyword == T.BREAK && !breakOk || keyword == T.CONTINUE && !continueOk) {
          return emit(T.IDENTIFIER);
        }
        return emit(keyword);
      }
      if (word.charAt(0) == '.') {
        return emit(T.FIELD);
      }
      if (word.equals("true") || word.equals("false")) {
        return emit(T.BOOL);
      }
      return emit(T.IDENTIFIER);
    }
  }

  private State lexField() {
    return lexFieldOrVariable(T.FIELD);
  }

  private State lexVariable() {
    if (atTerminator()) {
      return emit(T.VARIABLE);
    }
    return lexFieldOrVariable(T.VARIABLE);
  }

  private State lexFieldOrVariable(T typ) {
    if (atTerminator()) {
      return emit(typ == T.VARIABLE ? T.VARIABLE : T.DOT);
    }
    int r;
    while (true) {
      r = next();
      if (!isAlphaNumeric(r)) {
        backup();
        break;
      }
    }
    if (!atTerminator()) {
      return errorf("bad character " + GoLiterals.formatRune(r));
    }
    return emit(typ);
  }

  private boolean atTerminator() {
    int r = peek();
    if (isSpace(r)) {
      return true;
    }
    switch (r) {
      case EOF, '.', ',', '|', ':', ')', '(':
        return true;
      default:
        return input.startsWith(RIGHT_DELIM, pos);
    }
  }

  private State lexChar() {
    while (true) {
      int r = next();
      if (r == '\\') {
        int escaped = next();
        if (escaped != EOF && escaped != '\n') {
          continue;
        }
        return errorf("unterminated character constant");
      }
      if (r == EOF || r == '\n') {
        return errorf("unterminated character constant");
      }
      if (r == '\'') {
        break;
      }
    }
    return emit(T.CHAR_CONSTANT);
  }

  private State lexNumber() {
    if (!scanNumber()) {
      return errorf("bad number syntax: " + GoStrings.quote(input.substring(start, pos)));
    }
    int sign = peek();
    if (sign == '+' || sign == '-') {
      if (!scanNumber() || input.charAt(pos - 1) != 'i') {
        return errorf("bad number syntax: " + GoStrings.quote(input.substring(start, pos)));
      }
      return emit(T.COMPLEX);
    }
    return emit(T.NUMBER);
  }

  private boolean scanNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 10 + 1 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 16 + 6 + 1 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  }

  private State lexQuote() {
    while (true) {
      int r = next();
      if (r == '\\') {
        int escaped = next();
        if (escaped != EOF && escaped != '\n') {
          continue;
        }
        return errorf("unterminated quoted string");
      }
      if (r == EOF || r == '\n') {
        return errorf("unterminated quoted string");
      }
      if (r == '"') {
        break;
      }
    }
    return emit(T.STRING);
  }

  private State lexRawQuote() {
    while (true) {
      int r = next();
      if (r == EOF) {
        return errorf("unterminated raw quoted string");
      }
      if (r == '`') {
        break;
      }
    }
    return emit(T.RAW_STRING);
  }

  static boolean isSpace(int r) {
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
  }

  static boolean isAlphaNumeric(int r) {
    return r == '_' || (r >= 0 && (Character.isLetter(r) || Character.isDigit(r)));
  }

  private static boolean hasLeftTrimMarker(String s, int at) {
    return s.length() - at >= 2 && s.charAt(at) == '-' && isSpace(s.charAt(at + 1));
  }

  private static boolean hasRightTrimMarker(String s, int at) {
    return at >= 0 && s.length() - at >= 2 && isSpace(s.charAt(at)) && s.charAt(at + 1) == '-';
  }

  private static int rightTrimLength(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.length() - end;
  }

  private static int leftTrimLength(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static int newlines(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}
