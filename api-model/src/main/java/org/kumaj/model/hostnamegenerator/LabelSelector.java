package org.kumaj.model.hostnamegenerator;

import java.util.Map;
import java.util.Objects;

/**
 * Selects resources by labels: every {@code matchLabels} entry must be present with that value.
 * Kuma's common {@code LabelSelector}, used by several new-style types.
 *
 * @param matchLabels label name to required value; an empty map selects everything
 */
public record LabelSelector(Map<String, String> matchLabels) {

  /** Kuma's {@code LabelSelector.Matches}: whether {@code labels} carry every required label. */
  public boolean matches(Map<String, String> labels) {
    if (matchLabels == null) {
      return true;
    }
    return matchLabels.entrySet().stream()
        .allMatch(e -> labels.containsKey(e.getKey())
            && Objects.equals(e.getValue(), labels.get(e.getKey())));
  }
}
