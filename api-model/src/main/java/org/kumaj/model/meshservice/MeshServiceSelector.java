package org.kumaj.model.meshservice;

import java.util.Map;
import org.kumaj.model.hostnamegenerator.LabelSelector;

/**
 * How a MeshService picks its data plane proxies; at most one of the three ways may be used.
 *
 * @param dataplaneTags proxies whose inbound tags match
 * @param dataplaneRef one proxy by name
 * @param dataplaneLabels proxies whose labels match
 */
public record MeshServiceSelector(
    Map<String, String> dataplaneTags, DataplaneRef dataplaneRef, LabelSelector dataplaneLabels) {}
