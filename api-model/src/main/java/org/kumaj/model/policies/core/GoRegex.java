package org.kumaj.model.policies.core;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether Go's {@code regexp.Compile} (RE2 syntax) accepts a pattern. Java's syntax is close; the
 * Perl features RE2 lacks (look-around, atomic groups, possessive quantifiers, back-references,
 * Java-only flags) are rejected explicitly and {@code (?P<name>...)} is accepted. Stateless.
 */
public final class GoRegex {
  private static final int MAX_REPEAT = 1000;
  private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)(,(\\d*))?}");

  private GoRegex() {}

  /** Whether {@code pattern} compiles as a Go regular expression. */
  public static boolean isValid(String pattern) {
    StringBuilder translated = new StringBuilder(pattern.length());
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        if (i + 1 >= pattern.length()) {
          return false;
        }
        char next = pattern.charAt(i + 1);
        if (next == 'Q') {
          int end = pattern.indexOf("\\E", i + 2);
          String literal = end < 0 ? pattern.substring(i + 2) : pattern.substring(i + 2, end);
          translated.append(Pattern.quote(literal));
          i = end < 0 ? pattern.length() : end + 1;
          continue;
        }
        if ((next >= '1' && next <= '7' && !octalFollows(pattern, i + 2)) || next == '8'
            || next == '9' || "hHRXGZkKVuUcegiIjJlLmMoOyYNC".indexOf(next) >= 0) {
          return false;
        }
        translated.append(c).append(next);
        i++;
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
        } else if (c == '[' && !pattern.startsWith("[:", i)) {
          translated.append('\\');
        } else if (c == '&' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '&') {
          translated.append('\\');
        }
        translated.append(c);
        continue;
      }
      if (c == '[') {
        inClass = true;
        translated.append(c);
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
          translated.append('^');
          i++;
        }
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
          translated.append("\\]");
          i++;
        }
        continue;
      }
      if (c == '(' && pattern.startsWith("(?", i)) {
        String rest = pattern.substring(i + 2);
        if (rest.startsWith("P<")) {
          translated.append("(?<");
          i += 3;
          continue;
        }
        if (rest.startsWith("=") || rest.startsWith("!") || rest.startsWith("<=")
            || rest.startsWith("<!") || rest.startsWith(">") || !flagsSupported(rest)) {
          return false;
        }
      }
      if ((c == '+' || c == '*' || c == '?' || c == '{') && i > 0 && quantifierBefore(pattern, i)) {
        return false;
      }
      if (c == '{') {
        var m = REPEAT.matcher(pattern).region(i, pattern.length());
        if (m.lookingAt()) {
          if (Long.parseLong(m.group(1)) > MAX_REPEAT || (m.group(3) != null
              && !m.group(3).isEmpty() && Long.parseLong(m.group(3)) > MAX_REPEAT)) {
            return false;
          }
        } else {
          translated.append("\\{");
          continue;
        }
      }
      translated.append(c);
    }
    try {
      Pattern.compile(translated.toString());
      return true;
    } catch (PatternSyntaxException | StackOverflowError e) {
      return false;
    }
  }

  private static boolean octalFollows(String p, int at) {
    return at < p.length() && p.charAt(at) >= '0' && p.charAt(at) <= '7';
  }

  /** Flags groups RE2 knows: {@code (?flags)} / {@code (?flags:...)} with i, m, s, U. */
  private static boolean flagsSupported(String rest) {
    if (rest.startsWith(":") || rest.startsWith("<")) {
      return true;
    }
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == ')' || c == ':') {
        return i > 0;
      }
      if ("imsU-".indexOf(c) < 0) {
        return false;
      }
    }
    return false;
  }

  /** RE2 rejects a repetition operator applied to a repetition ({@code a**}, {@code a++}). */
  private static boolean quantifierBefore(String p, int i) {
    char prev = p.charAt(i - 1);
    if (i >= 2 && p.charAt(i - 2) == '\\') {
      return false;
    }
    char c = p.charAt(i);
    if (c == '?' && (prev == '*' || prev == '+' || prev == '?' || prev == '}')) {
      // lazy modifier: allowed once
      return i >= 2 && (p.charAt(i - 2) == '*' || p.charAt(i - 2) == '+' || p.charAt(i - 2) == '?')
          && !(i >= 3 && p.charAt(i - 3) == '\\');
    }
    return prev == '*' || prev == '+' || prev == '?' || (prev == '}' && c != '{');
  }
}
