package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a proxy exposes Envoy's admin API (only on localhost).
 *
 * @param port the admin port
 */
public record EnvoyAdmin(@JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer port) {}
