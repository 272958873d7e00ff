package org.kumaj.model.hostnamegenerator;

import java.util.List;

/**
 * How one HostnameGenerator fared on a service: part of the service's status.
 *
 * @param hostnameGeneratorRef the generator (always written)
 * @param conditions e.g. {@code Generated} with reason {@code Generated}, {@code TemplateError}
 *     or {@code Collision}
 */
public record HostnameGeneratorStatus(
    HostnameGeneratorRef hostnameGeneratorRef, List<Condition> conditions) {}
