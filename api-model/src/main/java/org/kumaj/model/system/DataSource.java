package org.kumaj.model.system;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Violations;

/**
 * Where a certificate, key or other blob comes from: a mesh secret, a file on the control plane,
 * inline base64 bytes or an inline string. Exactly one is meant to be set (a proto {@code oneof}),
 * so every set member is written, even when empty.
 *
 * @param secret name of a Secret in the same mesh
 * @param file path of a file readable by the control plane
 * @param inline base64 of the data
 * @param inlineString the data as text
 */
public record DataSource(String secret, String file, @ProtoJson.Bytes String inline, String inlineString) {

  /** Returns whether no member holds a non-empty value. */
  @JsonIgnore
  public boolean isEmpty() {
    return isBlank(inline) && isBlank(inlineString) && isBlank(secret) && isBlank(file);
  }

  /**
   * Kuma's {@code system.ValidateDataSource}: a present source must hold something
   * ({@code data source cannot be empty} at {@code path}).
   */
  public static void validateNotEmpty(FieldPath path, DataSource source, Violations out) {
    if (source != null && source.isEmpty()) {
      out.add(path, "data source cannot be empty");
    }
  }

  /**
   * Kuma's {@code datasource.Validate}: a source must be chosen, and the chosen secret, file or inline
   * value must not be empty. Paths are below {@code path}.
   */
  public static void validateChosen(FieldPath path, DataSource source, Violations out) {
    if (source == null || (source.secret == null && source.file == null
        && source.inline == null && source.inlineString == null)) {
      out.add(path, "data source has to be chosen. Available sources: secret, file, inline");
      return;
    }
    if (source.secret != null) {
      if (source.secret.isEmpty()) {
        out.add(path.field("secret"), "cannot be empty");
      }
    } else if (source.file != null) {
      if (source.file.isEmpty()) {
        out.add(path.field("file"), "cannot be empty");
      }
    } else if (source.inline != null && source.inline.isEmpty()) {
      out.add(path.field("inline"), "cannot be empty");
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isEmpty();
  }
}
