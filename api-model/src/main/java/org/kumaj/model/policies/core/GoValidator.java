package org.kumaj.model.policies.core;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.kumaj.model.codec.Json;

/**
 * The checks of the Go library {@code govalidator} that Kuma's policy validators call
 * ({@code IsURL}, {@code IsFilePath}, {@code IsDNSName}, {@code IsIP}, {@code IsCIDR},
 * {@code IsJSON}), with the same patterns. Stateless.
 */
public final class GoValidator {
  private static final String IP = "(([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:"
      + "|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}"
      + "|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}"
      + "|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})"
      + "|:((:[0-9a-fA-F]{1,4}){1,7}|:)|fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}"
      + "|::(ffff(:0{1,4}){0,1}:){0,1}((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\\.){3,3}"
      + "(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])|([0-9a-fA-F]{1,4}:){1,4}:((25[0-5]|(2[0-4]|1{0,1}[0-9])"
      + "{0,1}[0-9])\\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9]))";
  // Go's \s is [\t\n\f\r ]; Java's would also match \x0B.
  private static final String SPACE = "[\\t\\n\\f\\r ]";
  private static final String NON_SPACE = "[^\\t\\n\\f\\r ]";
  private static final String URL_SCHEMA = "((ftp|tcp|udp|wss?|https?)://)";
  private static final String URL_USERNAME = "(" + NON_SPACE + "+(:" + NON_SPACE + "*)?@)";
  private static final String URL_PATH = "((/|\\?|#)[^\\t\\n\\f\\r ]*)";
  private static final String URL_PORT = "(:(\\d{1,5}))";
  private static final String URL_IP = "([1-9]\\d?|1\\d\\d|2[01]\\d|22[0-3]|24\\d|25[0-5])"
      + "(\\.(\\d{1,2}|1\\d\\d|2[0-4]\\d|25[0-5])){2}(?:\\.([0-9]\\d?|1\\d\\d|2[0-4]\\d|25[0-5]))";
  private static final String URL_SUBDOMAIN =
      "((www\\.)|([a-zA-Z0-9]+([-_.]?[a-zA-Z0-9])*[a-zA-Z0-9]\\.[a-zA-Z0-9]+))";
  private static final String LABEL_CHAR = "[a-zA-Z\\x{00a1}-\\x{ffff}0-9]";
  // govalidator writes the label as (C+-?-?)*C+, which backtracks exponentially in Java; this is
  // the same language without the ambiguity.
  private static final String URL_LABEL = "(" + LABEL_CHAR + "+(?:--?" + LABEL_CHAR + "+)*)";
  private static final Pattern URL = Pattern.compile("^" + URL_SCHEMA + "?" + URL_USERNAME + "?"
      + "((" + URL_IP + "|(\\[" + IP + "\\])|(([a-zA-Z0-9]([a-zA-Z0-9_\\-]+)?[a-zA-Z0-9]([-.][a-zA-Z0-9]+)*)"
      + "|(" + URL_SUBDOMAIN + "?))?" + URL_LABEL
      + "(?:\\.([a-zA-Z\\x{00a1}-\\x{ffff}]{1,}))?))\\.?" + URL_PORT + "?" + URL_PATH + "?$");
  private static final Pattern WIN_PATH =
      Pattern.compile("^[a-zA-Z]:\\\\(?:[^\\\\/:*?\"<>|\\r\\n]+\\\\)*[^\\\\/:*?\"<>|\\r\\n]*$");
  private static final Pattern DNS_NAME = Pattern.compile(
      "^([a-zA-Z0-9_][a-zA-Z0-9_-]{0,62})(\\.[a-zA-Z0-9_][a-zA-Z0-9_-]{0,62})*[._]?$");
  private static final int MAX_URL_RUNES = 2083;
  private static final int MIN_URL_BYTES = 3;
  /** Bounds the work of one URL match; Go's regexp runs in linear time, Java's backtracks. */
  private static final long URL_MATCH_BUDGET = 1_000_000L;

  private GoValidator() {}

  /** govalidator's {@code IsURL}. */
  public static boolean isURL(String str) {
    if (str.isEmpty() || str.codePointCount(0, str.length()) >= MAX_URL_RUNES
        || utf8Length(str) <= MIN_URL_BYTES || str.startsWith(".")) {
      return false;
    }
    String temp = str;
    if (str.contains(":") && !str.contains("://")) {
      temp = "http://" + str;
    }
    GoUrl u = GoUrl.parse(temp);
    if (u == null || u.host().startsWith(".")) {
      return false;
    }
    if (u.host().isEmpty() && !u.path().isEmpty() && !u.decodedPath().contains(".")) {
      return false;
    }
    try {
      return URL.matcher(new BudgetedChars(str, URL_MATCH_BUDGET)).matches();
    } catch (BudgetedChars.Exhausted e) {
      return false;
    }
  }

  /** govalidator's {@code IsFilePath}: a Windows ({@code C:\...}) or Unix ({@code /...}) path. */
  public static boolean isFilePath(String str) {
    if (WIN_PATH.matcher(str).matches()) {
      return utf8Length(str.substring(3)) <= 32767;
    }
    return str.startsWith("/") && str.indexOf('\0') < 0;
  }

  /** govalidator's {@code IsDNSName}. */
  public static boolean isDNSName(String str) {
    if (str.isEmpty() || utf8Length(str.replace(".", "")) > 255) {
      return false;
    }
    return !GoNet.isIP(str) && DNS_NAME.matcher(str).matches();
  }

  /** govalidator's {@code IsIP} (Go's {@code net.ParseIP}). */
  public static boolean isIP(String str) {
    return GoNet.isIP(str);
  }

  /** govalidator's {@code IsCIDR} (Go's {@code net.ParseCIDR}). */
  public static boolean isCIDR(String str) {
    return GoNet.isCIDR(str);
  }

  /** govalidator's {@code IsJSON}: exactly one JSON value, nothing after it. */
  public static boolean isJSON(String str) {
    try (JsonParser p = Json.mapper().getFactory().createParser(str)) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** A char sequence that stops a regex match after a fixed number of reads. */
  private static final class BudgetedChars implements CharSequence {
    static final class Exhausted extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Exhausted() {
        super(null, null, false, false);
      }
    }

    private final String text;
    private final long[] budget;

    BudgetedChars(String text, long budget) {
      this(text, new long[] {budget});
    }

    private BudgetedChars(String text, long[] budget) {
      this.text = text;
      this.budget = budget;
    }

    @Override
    public char charAt(int index) {
      if (--budget[0] < 0) {
        throw new Exhausted();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new BudgetedChars(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
