package org.kumaj.model.meshservice;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Counts of the data plane proxies a MeshService selects; zero counts are omitted, as Kuma
 * writes them.
 *
 * @param connected proxies connected to the zone control plane
 * @param healthy proxies whose selected inbounds are all healthy
 * @param total all selected proxies
 */
public record DataplaneProxies(
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer connected,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer healthy,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer total) {}
