package org.kumaj.model.hostnamegenerator;

/**
 * Points at the HostnameGenerator that produced an address.
 *
 * @param coreName the generator's name in the store (always written by Kuma, possibly empty)
 */
public record HostnameGeneratorRef(String coreName) {}
