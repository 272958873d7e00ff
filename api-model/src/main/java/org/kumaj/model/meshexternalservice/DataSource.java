package org.kumaj.model.meshexternalservice;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where bytes such as a certificate come from (Kuma's common {@code DataSource}); one of the
 * fields is set.
 *
 * @param secret the name of a Secret holding the data
 * @param inline the data itself (base64 in JSON)
 * @param inlineString the data as text
 */
public record DataSource(String secret, byte[] inline, String inlineString) {
  @Override
  public boolean equals(Object o) {
    return o instanceof DataSource d && Objects.equals(secret, d.secret)
        && Arrays.equals(inline, d.inline) && Objects.equals(inlineString, d.inlineString);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secret, Arrays.hashCode(inline), inlineString);
  }

  @Override
  public String toString() {
    return "DataSource[secret=" + secret + ", inline="
        + (inline == null ? null : inline.length + " bytes") + ", inlineString=" + inlineString + "]";
  }
}
