package org.kumaj.model.hostnamegenerator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A plugin configuration attached to a HostnameGenerator or a MeshExternalService.
 *
 * @param type the extension's type
 * @param config free-form configuration for the extension
 */
public record Extension(String type, JsonNode config) {}
