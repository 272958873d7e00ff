package org.kumaj.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cases {@code docs/conformance.md} lists as deliberate differences: table rows of the
 * form {@code | <suite> | <case> | <reason> |}. A listed case needs a non-empty reason.
 */
public final class KnownDifferences {
  private static final Pattern ROW = Pattern.compile("^\\|\\s*([\\w-]+)\\s*\\|\\s*`?([^|`]+?)`?\\s*\\|\\s*(.*?)\\s*\\|\\s*$");

  private KnownDifferences() {}

  public static Set<String> read(Path doc, String suite) throws IOException {
    Set<String> cases = new TreeSet<>();
    if (!Files.exists(doc)) {
      return cases;
    }
    for (String line : Files.readAllLines(doc)) {
      Matcher m = ROW.matcher(line);
      if (m.matches() && m.group(1).equals(suite)) {
        if (m.group(3).isEmpty()) {
          throw new IllegalStateException("docs/conformance.md lists " + m.group(2) + " without a reason");
        }
        cases.add(m.group(2));
      }
    }
    return cases;
  }
}
