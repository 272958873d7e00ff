package org.kumaj.model.meshidentity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A custom certificate provider; its config is validated by the extension itself.
 *
 * @param name the extension provider's name
 * @param config free-form configuration for the extension
 */
public record ExtensionProvider(String name, JsonNode config) {}
