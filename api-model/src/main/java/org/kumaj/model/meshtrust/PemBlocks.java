package org.kumaj.model.meshtrust;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Go's {@code pem.Decode}, reduced to finding the type of the first valid block. Stateless. */
final class PemBlocks {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

  private PemBlocks() {}

  /** The type of the first well-formed PEM block of {@code data} ({@code CERTIFICATE}), or null. */
  static String firstBlockType(String data) {
    String rest = data;
    while (true) {
      if (rest.startsWith(BEGIN)) {
        rest = rest.substring(BEGIN.length());
      } else {
        int at = rest.indexOf("\n" + BEGIN);
        if (at < 0) {
          return null;
        }
        rest = rest.substring(at + 1 + BEGIN.length());
      }
      String[] split = line(rest);
      String typeLine = split[0];
      rest = split[1];
      if (!typeLine.endsWith(DASHES)) {
        continue;
      }
      typeLine = typeLine.substring(0, typeLine.length() - DASHES.length());
      boolean headers = false;
      while (true) {
        if (rest.isEmpty()) {
          return null;
        }
        String[] next = line(rest);
        if (next[0].indexOf(':') < 0) {
          break;
        }
        headers = true;
        rest = next[1];
      }
      int endIndex;
      int endTrailerIndex;
      if (!headers && rest.startsWith(END)) {
        endIndex = 0;
        endTrailerIndex = END.length();
      } else {
        endIndex = rest.indexOf("\n" + END);
        endTrailerIndex = endIndex + 1 + END.length();
      }
      if (endIndex < 0) {
        continue;
      }
      String endTrailer = rest.substring(endTrailerIndex);
      int endTrailerLen = typeLine.length() + DASHES.length();
      if (endTrailer.length() < endTrailerLen) {
        continue;
      }
      String restOfEndLine = endTrailer.substring(endTrailerLen);
      endTrailer = endTrailer.substring(0, endTrailerLen);
      if (!endTrailer.startsWith(typeLine) || !endTrailer.endsWith(DASHES)
          || !line(restOfEndLine)[0].isEmpty()) {
        continue;
      }
      if (!isStdBase64(rest.substring(0, endIndex))) {
        continue;
      }
      return typeLine;
    }
  }

  /** Go's PEM {@code getLine}: the first line without trailing blanks or CR, and the rest. */
  private static String[] line(String data) {
    int i = data.indexOf('\n');
    int j;
    if (i < 0) {
      i = data.length();
      j = i;
    } else {
      j = i + 1;
      if (i > 0 && data.charAt(i - 1) == '\r') {
        i--;
      }
    }
    String line = data.substring(0, i);
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    return new String[] {line.substring(0, end), data.substring(j)};
  }

  /** Whether Go's {@code base64.StdEncoding} decodes {@code body} (blanks removed, CR/LF ignored). */
  private static boolean isStdBase64(String body) {
    String compact = body.replaceAll("[ \t\r\n]", "");
    if (compact.length() % 4 != 0) {
      return false;
    }
    try {
      Base64.getDecoder().decode(compact.getBytes(StandardCharsets.US_ASCII));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
