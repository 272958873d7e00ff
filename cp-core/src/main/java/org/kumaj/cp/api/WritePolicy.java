package org.kumaj.cp.api;

import org.kumaj.cp.config.KumaConfig;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceType;

/**
 * Kuma's read-only rule ({@code ResourceTypeDescriptor.IsReadOnly}) for this control plane: a type
 * is read-only when its descriptor says so, when the API is read-only, on global for types global
 * does not provide, and on a federated zone for types a zone does not provide. Immutable.
 */
final class WritePolicy {
  private final boolean apiReadOnly;
  private final boolean global;
  private final boolean federatedZone;
  private final String message;

  WritePolicy(KumaConfig config) {
    this.apiReadOnly = config.bool("apiServer.readOnly");
    this.global = config.isGlobal();
    this.federatedZone = config.isFederatedZone();
    this.message = global
        ? "On global control plane you can not modify dataplane resources with 'kumactl apply' or via the HTTP API."
            + " You can still use 'kumactl' or the HTTP API to modify them on the zone control plane.\n"
        : "On zone control plane you can only modify zone resources with 'kumactl apply' or via the HTTP API."
            + " You can still use 'kumactl' or the HTTP API to modify the rest of the resource on the global"
            + " control plane.\n";
  }

  boolean isReadOnly(ResourceType type) {
    return type.readOnly()
        || apiReadOnly
        || (global && !KdsFlags.has(type.kdsFlags(), KdsFlags.PROVIDED_BY_GLOBAL))
        || (federatedZone && !KdsFlags.has(type.kdsFlags(), KdsFlags.PROVIDED_BY_ZONE));
  }

  /** The 405 answer for a write to a read-only type. */
  ApiException methodNotAllowed() {
    return new ApiException(KumaError.of(405, "Method not allowed", message));
  }
}
