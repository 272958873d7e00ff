package org.kumaj.model.legacy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The conf of TrafficLog and TrafficTrace: which backend of the Mesh to use.
 *
 * @param backend a logging or tracing backend name from the Mesh; empty means the mesh default
 */
public record BackendConf(@JsonInclude(JsonInclude.Include.NON_DEFAULT) String backend) {}
