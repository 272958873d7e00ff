package org.kumaj.dpsim;

import java.util.List;

/**
 * A response as a {@link NackPolicy} sees it, before the proxy answers it.
 *
 * @param type the resource type
 * @param version {@code version_info} (SotW) or {@code system_version_info} (delta)
 * @param nonce the response nonce
 * @param resourceNames the names of the resources in the response
 * @param removedNames the names in {@code removed_resources} (delta only)
 * @param index 1 for the first response of this type on this proxy, then 2, 3, ...
 */
public record XdsResponse(XdsType type, String version, String nonce, List<String> resourceNames,
    List<String> removedNames, int index) {}
