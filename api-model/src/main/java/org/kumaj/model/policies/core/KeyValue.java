package org.kumaj.model.policies.core;

/**
 * A key and a value, as used by access log JSON formats and OpenTelemetry attributes.
 *
 * @param key the key or attribute name
 * @param value the value; may contain Envoy placeholders such as {@code %START_TIME%}
 */
public record KeyValue(String key, String value) {}
