package org.kumaj.cp.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words JSON syntax errors the way Go's {@code encoding/json} does, because Kuma's API puts that
 * text in its 400 answers ({@code invalid character ',' looking for beginning of object key string}).
 * Unrecognised cases keep Jackson's own message. Stateless.
 */
final class GoJsonErrors {
  private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\)");
  private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.)");

  private GoJsonErrors() {}

  static String describe(JsonProcessingException e) {
    String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (msg.startsWith("Unexpected end-of-input") || msg.contains("No content to map due to end-of-input")) {
      return "unexpected end of JSON input";
    }
    Matcher m = UNEXPECTED.matcher(msg);
    if (m.find()) {
      String c = m.group(1);
      if (msg.contains("was expecting double-quote to start field name")) {
        return "invalid character '" + c + "' looking for beginning of object key string";
      }
      if (msg.contains("was expecting comma to separate Object entries")) {
        return "invalid character '" + c + "' after object key:value pair";
      }
      if (msg.contains("was expecting a colon to separate field name and value")) {
        return "invalid character '" + c + "' after object key";
      }
      if (msg.contains("was expecting comma to separate Array entries")) {
        return "invalid character '" + c + "' after array element";
      }
      return "invalid character '" + c + "' looking for beginning of value";
    }
    Matcher t = TOKEN.matcher(msg);
    if (t.find()) {
      return "invalid character '" + t.group(1) + "' looking for beginning of value";
    }
    if (msg.contains("Invalid UTF-8")) {
      return "invalid character in string literal: invalid UTF-8";
    }
    return msg.replace('\n', ' ');
  }
}
