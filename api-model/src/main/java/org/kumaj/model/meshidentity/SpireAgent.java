package org.kumaj.model.meshidentity;

import org.kumaj.model.GoDuration;

/**
 * The connection to the SPIRE agent's socket.
 *
 * @param timeout connection timeout (1s when absent)
 */
public record SpireAgent(GoDuration timeout) {}
