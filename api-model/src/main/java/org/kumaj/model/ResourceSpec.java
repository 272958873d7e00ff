package org.kumaj.model;

/**
 * The typed body of a resource. Implementations are immutable records bound by Jackson; their
 * component order is the order of Kuma's JSON fields.
 */
public interface ResourceSpec {}
