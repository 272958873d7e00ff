package org.kumaj.model.mesh;

import java.util.Map;

/**
 * A tag selector of Kuma's legacy policies and gateways: {@code match: {kuma.io/service: web}}.
 *
 * @param match tag name to value; {@code *} matches any value
 */
public record Selector(Map<String, String> match) {}
