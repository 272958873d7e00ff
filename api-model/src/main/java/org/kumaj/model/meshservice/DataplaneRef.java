package org.kumaj.model.meshservice;

/**
 * Names one Dataplane.
 *
 * @param name the Dataplane's name
 */
public record DataplaneRef(String name) {}
