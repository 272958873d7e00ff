package org.kumaj.cp.manager;

import java.util.List;
import org.kumaj.model.Resource;

/**
 * The outcome of a successful write.
 *
 * @param resource the stored resource, with its version and times
 * @param warnings Kuma's deprecation warnings for it (returned as {@code {"warnings":[...]}})
 */
public record WriteResult(Resource resource, List<String> warnings) {
  public WriteResult {
    warnings = List.copyOf(warnings);
  }
}
