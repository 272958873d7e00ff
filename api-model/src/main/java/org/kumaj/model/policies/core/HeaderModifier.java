package org.kumaj.model.policies.core;

import java.util.List;

/**
 * Headers to set (replace) or add (append), as used by health checks and rate limit responses.
 *
 * @param set headers that overwrite existing values
 * @param add headers appended to existing values
 */
public record HeaderModifier(List<HeaderKeyValue> set, List<HeaderKeyValue> add) {
  public HeaderModifier {
    set = Copies.list(set);
    add = Copies.list(add);
  }
}
