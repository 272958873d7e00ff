package org.kumaj.model.hostnamegenerator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kumaj.model.Kri;
import org.kumaj.model.ResourceMeta;

class NamingTest {
  private static final String DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric "
      + "characters or '-', start with an alphabetic character, and end with an alphanumeric "
      + "character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
      + "'[a-z]([-a-z0-9]*[a-z0-9])?')";

  @Test
  void dns1035LabelUsesApimachineryMessages() {
    assertThat(Naming.dns1035Label("aa.a")).containsExactly(DNS1035);
    assertThat(Naming.dns1035Label("1workload")).containsExactly(DNS1035);
    assertThat(Naming.dns1035Label("a".repeat(64)))
        .containsExactly("must be no more than 63 characters");
    assertThat(Naming.dns1035Label("my-workload")).isEmpty();
  }

  @Test
  void dns1123LabelTellsDotsApart() {
    assertThat(Naming.dns1123Label("mes.http")).containsExactly("must not contain dots");
    assertThat(Naming.dns1123Label("8080")).isEmpty();
    assertThat(Naming.dns1123Label("Web")).containsExactly("a lowercase RFC 1123 label must "
        + "consist of lower case alphanumeric characters or '-', and must start and end with an "
        + "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
  }

  @Test
  void displayNamePrefersLabel() {
    assertThat(Naming.displayName(ResourceMeta.of("m", "redis.kuma-demo", Map.of(
        Kri.DISPLAY_NAME_LABEL, "redis")))).isEqualTo("redis");
    assertThat(Naming.displayName(ResourceMeta.of("m", "redis", Map.of()))).isEqualTo("redis");
  }
}
