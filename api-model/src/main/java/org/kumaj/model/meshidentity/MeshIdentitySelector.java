package org.kumaj.model.meshidentity;

import org.kumaj.model.hostnamegenerator.LabelSelector;

/**
 * Which data plane proxies a MeshIdentity applies to.
 *
 * @param dataplane labels the proxies must carry
 */
public record MeshIdentitySelector(LabelSelector dataplane) {}
