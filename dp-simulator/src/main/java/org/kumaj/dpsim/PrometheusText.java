package org.kumaj.dpsim;

import java.util.Map;

/** Reads sample values from Prometheus text exposition format. Stateless. */
final class PrometheusText {

  private PrometheusText() {}

  /**
   * The sum of the samples of {@code metric} whose labels include all of {@code labels}, or NaN if
   * there is none.
   */
  static double sum(String text, String metric, Map<String, String> labels) {
    double total = 0;
    boolean found = false;
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#") || !line.startsWith(metric)) {
        continue;
      }
      String rest = line.substring(metric.length());
      String labelPart = "";
      if (rest.startsWith("{")) {
        int end = rest.indexOf('}');
        if (end < 0) {
          continue;
        }
        labelPart = rest.substring(1, end);
        rest = rest.substring(end + 1);
      } else if (!rest.startsWith(" ")) {
        continue; // a longer metric name with this prefix
      }
      if (!matches(labelPart, labels)) {
        continue;
      }
      String[] fields = rest.trim().split("\\s+");
      try {
        total += Double.parseDouble(fields[0]);
        found = true;
      } catch (NumberFormatException e) {
        // not a sample line
      }
    }
    return found ? total : Double.NaN;
  }

  private static boolean matches(String labelPart, Map<String, String> labels) {
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!labelPart.contains(e.getKey() + "=\"" + e.getValue() + "\"")) {
        return false;
      }
    }
    return true;
  }
}
