package org.kumaj.model.policies.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON Patch (RFC 6902) operation applied to a generated Envoy resource.
 *
 * @param op {@code add}, {@code remove}, {@code replace}, {@code move} or {@code copy}
 * @param path the JSON pointer the operation applies to
 * @param value the value of {@code add} and {@code replace}; any JSON, including {@code null}
 * @param from the source pointer of {@code move} and {@code copy}
 */
public record JsonPatchBlock(String op, String path, JsonNode value, String from) {}
