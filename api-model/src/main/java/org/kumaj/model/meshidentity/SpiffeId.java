package org.kumaj.model.meshidentity;

/**
 * Go templates that build a proxy's SPIFFE ID {@code spiffe://<trustDomain><path>}.
 *
 * @param trustDomain e.g. {@code {{ .Mesh }}.{{ .Zone }}.mesh.local} (Kuma's default)
 * @param path e.g. {@code /ns/{{ .Namespace }}/sa/{{ .ServiceAccount }}} (Kuma's Kubernetes default)
 */
public record SpiffeId(String trustDomain, String path) {}
