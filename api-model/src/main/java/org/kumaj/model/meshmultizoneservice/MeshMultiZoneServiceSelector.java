package org.kumaj.model.meshmultizoneservice;

import org.kumaj.model.hostnamegenerator.LabelSelector;

/**
 * Which MeshServices a MeshMultiZoneService aggregates.
 *
 * @param meshService labels the MeshServices must carry (at least one)
 */
public record MeshMultiZoneServiceSelector(LabelSelector meshService) {}
