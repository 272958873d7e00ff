package org.kumaj.model.legacy;

import java.util.List;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.mesh.Selector;

/** A legacy policy that applies to connections from {@code sources} to {@code destinations}. */
public interface ConnectionPolicy extends ResourceSpec {
  /** Selectors of the data plane proxies the traffic comes from; {@code null} when absent. */
  List<Selector> sources();

  /** Selectors of the services the traffic goes to; {@code null} when absent. */
  List<Selector> destinations();
}
