package org.kumaj.model.policies.core;

/**
 * An HTTP header name and value to set or add.
 *
 * @param name the header name
 * @param value the header value
 */
public record HeaderKeyValue(String name, String value) {}
