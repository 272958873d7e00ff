package org.kumaj.model.legacy;

import java.util.List;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.mesh.Selector;

/** A legacy policy that applies to the data plane proxies matched by {@code selectors}. */
public interface DataplanePolicy extends ResourceSpec {
  /** Selectors of the data plane proxies the policy configures; {@code null} when absent. */
  List<Selector> selectors();
}
