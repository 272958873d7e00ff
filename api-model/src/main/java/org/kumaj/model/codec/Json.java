package org.kumaj.model.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The two Jackson mappers every codec uses, configured the way Kuma reads resources: unknown fields
 * are ignored, but a value of the wrong JSON type is an error (no silent number-to-string or
 * string-to-number coercion). Both mappers are thread-safe and shared.
 */
public final class Json {
  private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
  private static final ObjectMapper YAML = configure(new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build()));

  private Json() {}

  /** The shared JSON mapper. */
  public static ObjectMapper mapper() {
    return JSON;
  }

  /** The shared YAML mapper. */
  public static ObjectMapper yaml() {
    return YAML;
  }

  private static ObjectMapper configure(ObjectMapper m) {
    m.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    m.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
    m.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
    m.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
    m.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    // Go writes map keys sorted (encoding/json and Kuma's proto JSON); so do we.
    m.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    m.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    // Records expose helpers such as isEnabled(); only record components are JSON fields.
    m.configure(MapperFeature.AUTO_DETECT_IS_GETTERS, false);
    m.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    for (LogicalType scalar : new LogicalType[] {LogicalType.Textual, LogicalType.Integer,
        LogicalType.Float, LogicalType.Boolean}) {
      var cfg = m.coercionConfigFor(scalar);
      for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
          CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.String}) {
        cfg.setCoercion(shape, CoercionAction.Fail);
      }
    }
    // The coercion table above forbids the natural shapes too; put them back.
    m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
    m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
    m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
    m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
    m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
    return m;
  }
}
