package org.kumaj.model.system;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.kumaj.model.GoDuration;
import org.kumaj.model.ProtoDuration;

/**
 * Jackson annotations that make spec records read and write the protobuf well-known types the way
 * Kuma's jsonpb does (timestamps, 64-bit integers as strings, base64 bytes, zero enums omitted).
 */
public final class ProtoJson {
  private ProtoJson() {}

  /**
   * Marks an {@link Instant} component holding a {@code google.protobuf.Timestamp}: written as RFC 3339
   * UTC text with 0, 3, 6 or 9 fraction digits, read from RFC 3339 text with any offset.
   */
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @JacksonAnnotationsInside
  @JsonSerialize(using = TimestampSerializer.class)
  @JsonDeserialize(using = TimestampDeserializer.class)
  public @interface Timestamp {}

  /**
   * Marks a {@link Long} component holding a proto3 {@code (u)int64}: written as a JSON string,
   * read from a string or a number, omitted when zero.
   */
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @JacksonAnnotationsInside
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonSerialize(using = Int64Serializer.class)
  @JsonDeserialize(using = Int64Deserializer.class)
  public @interface Int64 {}

  /**
   * Marks a {@link String} component holding proto {@code bytes} as base64 text; reading fails, as
   * in Kuma, when the text is not base64 (standard or URL alphabet, padding optional).
   */
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @JacksonAnnotationsInside
  @JsonDeserialize(using = Base64Deserializer.class)
  public @interface Bytes {}

  /**
   * Marks a {@link ProtoDuration} component holding a {@code google.protobuf.Duration}: read, as
   * Kuma's jsonpb does, from any Go duration ({@code 10s}, {@code 1m30s}, {@code 0.250s}); written in
   * protojson form ({@code 90s}, {@code 0.250s}).
   */
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @JacksonAnnotationsInside
  @JsonDeserialize(using = DurationDeserializer.class)
  public @interface Duration {}

  /**
   * Marks a {@link Double} component holding a proto {@code double}: written as Go's encoding/json
   * writes it ({@code 50}, not {@code 50.0}; {@code 1e-07}, not {@code 1.0E-7}).
   */
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @JacksonAnnotationsInside
  @JsonSerialize(using = DoubleSerializer.class)
  public @interface Double {}

  /**
   * Marks a {@link com.fasterxml.jackson.databind.JsonNode} component holding a
   * {@code google.protobuf.Struct}: only a JSON object (or {@code null}, meaning absent) is accepted,
   * and integral numbers are kept integral, as jsonpb writes them ({@code 1234}, not {@code 1234.0}).
   */
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @JacksonAnnotationsInside
  @JsonDeserialize(using = StructDeserializer.class)
  public @interface Struct {}

  /**
   * Base of {@code @JsonInclude(value = CUSTOM, valueFilter = ...)} filters that omit a proto3 enum
   * holding its zero value, as jsonpb does. Subclasses name the zero value in a no-arg constructor.
   */
  public abstract static class EnumZero {
    private final String zero;

    protected EnumZero(String zero) {
      this.zero = zero;
    }

    /** Jackson's filter contract: {@code true} means "leave the property out". */
    @Override
    public boolean equals(Object value) {
      return value == null || zero.equals(value);
    }

    @Override
    public int hashCode() {
      return zero.hashCode();
    }
  }

  /**
   * Returns whether {@code text} decodes the way jsonpb decodes {@code bytes}: the URL alphabet when
   * the text contains {@code -} or {@code _}, padding optional, CR and LF ignored.
   */
  public static boolean isBase64(String text) {
    String s = text.replace("\r", "").replace("\n", "");
    Base64.Decoder decoder = s.indexOf('-') >= 0 || s.indexOf('_') >= 0
        ? Base64.getUrlDecoder()
        : Base64.getDecoder();
    if (s.length() % 4 != 0 && s.indexOf('=') >= 0) {
      return false;
    }
    try {
      decoder.decode(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Formats {@code d} as Go's {@code encoding/json} formats a float64. */
  public static String formatDouble(double d) {
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    BigDecimal bd = new BigDecimal(java.lang.Double.toString(d)).stripTrailingZeros();
    double abs = Math.abs(d);
    if (abs >= 1e-6 && abs < 1e21) {
      return bd.toPlainString();
    }
    String digits = bd.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - bd.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = exponent < 0
        ? "-" + -exponent
        : "+" + (exponent < 10 ? "0" + exponent : Integer.toString(exponent));
    return (d < 0 ? "-" : "") + mantissa + "e" + exp;
  }

  static final class DurationDeserializer extends StdDeserializer<ProtoDuration> {
    DurationDeserializer() {
      super(ProtoDuration.class);
    }

    @Override
    public ProtoDuration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (ProtoDuration) ctxt.handleUnexpectedToken(ProtoDuration.class, p);
      }
      String text = p.getText();
      try {
        return ProtoDuration.of(GoDuration.parse(text).toDuration());
      } catch (IllegalArgumentException e) {
        throw ctxt.weirdStringException(text, ProtoDuration.class, "bad Duration: " + e.getMessage());
      }
    }
  }

  static final class DoubleSerializer extends StdSerializer<java.lang.Double> {
    DoubleSerializer() {
      super(java.lang.Double.class);
    }

    @Override
    public void serialize(java.lang.Double value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value.isNaN() || value.isInfinite()) {
        gen.writeString(value.isNaN() ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
      } else {
        gen.writeNumber(formatDouble(value));
      }
    }
  }

  static final class StructDeserializer extends StdDeserializer<JsonNode> {
    StructDeserializer() {
      super(JsonNode.class);
    }

    @Override
    public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT && p.currentToken() != JsonToken.FIELD_NAME
          && p.currentToken() != JsonToken.END_OBJECT) {
        return (JsonNode) ctxt.handleUnexpectedToken(ObjectNode.class, p);
      }
      return normalize(ctxt.readTree(p));
    }

    private static JsonNode normalize(JsonNode node) {
      if (node.isObject()) {
        ObjectNode object = (ObjectNode) node;
        object.properties().forEach(e -> e.setValue(normalize(e.getValue())));
        return object;
      }
      if (node.isArray()) {
        ArrayNode array = (ArrayNode) node;
        for (int i = 0; i < array.size(); i++) {
          array.set(i, normalize(array.get(i)));
        }
        return array;
      }
      if (node.isFloatingPointNumber()) {
        double d = node.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
          return LongNode.valueOf((long) d);
        }
        return DoubleNode.valueOf(d);
      }
      return node;
    }
  }

  static final class TimestampSerializer extends StdSerializer<Instant> {
    TimestampSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
    }
  }

  static final class TimestampDeserializer extends StdDeserializer<Instant> {
    TimestampDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getText();
      try {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        throw ctxt.weirdStringException(text, Instant.class, "not an RFC 3339 timestamp");
      }
    }
  }

  static final class Int64Serializer extends StdSerializer<Long> {
    Int64Serializer() {
      super(Long.class);
    }

    @Override
    public void serialize(Long value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(Long.toString(value));
    }
  }

  static final class Int64Deserializer extends StdDeserializer<Long> {
    Int64Deserializer() {
      super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return p.getLongValue();
      }
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        String text = p.getText();
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw ctxt.weirdStringException(text, Long.class, "not a 64-bit integer");
        }
      }
      return (Long) ctxt.handleUnexpectedToken(Long.class, p);
    }
  }

  static final class Base64Deserializer extends StdDeserializer<String> {
    Base64Deserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (String) ctxt.handleUnexpectedToken(String.class, p);
      }
      String text = p.getText();
      if (!isBase64(text)) {
        throw ctxt.weirdStringException(text, String.class, "illegal base64 data");
      }
      return text;
    }
  }
}
