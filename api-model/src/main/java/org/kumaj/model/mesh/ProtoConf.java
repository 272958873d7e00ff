package org.kumaj.model.mesh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.kumaj.model.codec.Json;

/**
 * Converts the free-form {@code conf} of a backend ({@code google.protobuf.Struct}) to and from its
 * typed record, like Kuma's {@code proto.ToTyped} / {@code ToStruct}. Stateless.
 */
final class ProtoConf {
  private ProtoConf() {}

  /**
   * Reads {@code conf} as {@code type}; an absent conf gives the all-defaults record.
   *
   * @throws IllegalArgumentException with the reason when {@code conf} does not fit {@code type}
   */
  static <T> T read(JsonNode conf, Class<T> type) {
    JsonNode node = conf == null || conf.isNull() ? Json.mapper().createObjectNode() : conf;
    try {
      return Json.mapper().treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(reason(e), e);
    }
  }

  /** Writes a typed conf back into its free-form JSON shape. */
  static JsonNode toStruct(Object typed) {
    return Json.mapper().valueToTree(typed);
  }

  private static String reason(JsonProcessingException e) {
    String path = e instanceof MismatchedInputException m && !m.getPath().isEmpty()
        ? m.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("")
        : "";
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    message = newline >= 0 ? message.substring(0, newline) : message;
    return path.isEmpty() ? message : "field " + path + ": " + message;
  }
}
