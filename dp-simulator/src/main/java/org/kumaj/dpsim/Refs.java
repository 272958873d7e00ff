package org.kumaj.dpsim;

import java.util.List;

/**
 * What one xDS resource points at, extracted once when it arrives so that graph checks and
 * conditions need not parse it again: route configurations (RDS) and clusters named by a listener
 * or route configuration, SDS secrets named by TLS contexts, the EDS name of a cluster, the
 * endpoints of a load assignment and the kind of a secret.
 */
record Refs(
    List<String> routeConfigs,
    List<String> clusters,
    List<String> secrets,
    String edsName,
    List<String> endpoints,
    boolean tlsCertificate,
    boolean validationContext) {}
