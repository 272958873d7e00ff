package org.kumaj.model.hostnamegenerator;

import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * A HostnameGenerator: a Go template that gives DNS hostnames to the MeshServices,
 * MeshExternalServices or MeshMultiZoneServices its selector picks.
 *
 * @param selector which services get hostnames (exactly one selector)
 * @param template the Go template, e.g. {@code {{ .DisplayName }}.{{ .Namespace }}.mesh}
 * @param extension optional plugin configuration
 */
public record HostnameGenerator(
    HostnameGeneratorSelector selector, String template, Extension extension)
    implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("HostnameGenerator")
      .scope(Scope.GLOBAL)
      .spec(SpecStyle.NESTED, HostnameGenerator.class)
      .wsPath("hostnamegenerators")
      .kumactl("hostnamegenerator", "hostnamegenerators")
      .shortName("hg")
      .displayNames("Hostname Generator", "Hostname Generators")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL)
      .validator(new HostnameGeneratorValidator())
      .build();
}
