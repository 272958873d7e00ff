package org.kumaj.model.hostnamegenerator;

/**
 * Which services a HostnameGenerator names: exactly one of the selectors must be set.
 *
 * @param meshService selects MeshServices by labels
 * @param meshExternalService selects MeshExternalServices by labels
 * @param meshMultiZoneService selects MeshMultiZoneServices by labels
 */
public record HostnameGeneratorSelector(
    LabelSelector meshService,
    LabelSelector meshExternalService,
    LabelSelector meshMultiZoneService) {}
