package org.kumaj.model.legacy;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import org.kumaj.model.GoDuration;
import org.kumaj.model.ProtoDuration;

/**
 * How Kuma's legacy JSON codec ({@code github.com/golang/protobuf/jsonpb}) differs from plain JSON,
 * as Jackson annotations for spec components. Stateless.
 */
final class Jsonpb {
  private Jsonpb() {}

  /**
   * A {@code google.protobuf.Duration} as jsonpb reads it: any Go duration ({@code 200ms},
   * {@code 1m30s}, {@code 0.010s}); written in protojson form ({@code 0.200s}).
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  @JacksonAnnotationsInside
  @JsonDeserialize(using = DurationDeserializer.class)
  @interface Duration {}

  /** A float or double written as Go's encoding/json does: {@code 50}, not {@code 50.0}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  @JacksonAnnotationsInside
  @JsonSerialize(using = FloatSerializer.class)
  @interface Float {}

  /** A 64-bit unsigned integer: written as a JSON string, read from a number or a string. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  @JacksonAnnotationsInside
  @JsonSerialize(using = ToStringSerializer.class)
  @JsonDeserialize(using = UInt64Deserializer.class)
  @interface UInt64 {}

  /** Reads a Go duration string into a {@link ProtoDuration}. */
  static final class DurationDeserializer extends StdScalarDeserializer<ProtoDuration> {
    DurationDeserializer() {
      super(ProtoDuration.class);
    }

    @Override
    public ProtoDuration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (ProtoDuration) ctxt.handleUnexpectedToken(ProtoDuration.class, p);
      }
      String text = p.getText();
      try {
        return ProtoDuration.of(GoDuration.parse(text).toDuration());
      } catch (IllegalArgumentException e) {
        return (ProtoDuration) ctxt.handleWeirdStringValue(
            ProtoDuration.class, text, "bad Duration: %s", e.getMessage());
      }
    }
  }

  /** Writes integral values without a fraction, like Go's encoding/json. */
  static final class FloatSerializer extends StdSerializer<Number> {
    FloatSerializer() {
      super(Number.class);
    }

    @Override
    public void serialize(Number value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      double d = value.doubleValue();
      if (Double.isNaN(d)) {
        gen.writeString("NaN");
      } else if (Double.isInfinite(d)) {
        gen.writeString(d > 0 ? "Infinity" : "-Infinity");
      } else if (d == Math.rint(d) && Math.abs(d) < 1e21) {
        gen.writeNumber(new BigDecimal(d).toBigIntegerExact());
      } else if (value instanceof java.lang.Float f) {
        gen.writeNumber(f);
      } else {
        gen.writeNumber(d);
      }
    }
  }

  /** Reads an unsigned 64-bit integer given as a JSON number or a decimal string. */
  static final class UInt64Deserializer extends StdScalarDeserializer<Long> {
    UInt64Deserializer() {
      super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
        if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER && p.getLongValue() >= 0) {
          return p.getLongValue();
        }
        return (Long) ctxt.handleWeirdNumberValue(Long.class, p.getNumberValue(),
            "not an unsigned 64-bit integer");
      }
      if (p.hasToken(JsonToken.VALUE_STRING)) {
        String text = p.getText();
        if (text.matches("[0-9]{1,19}")) {
          try {
            return Long.parseLong(text);
          } catch (NumberFormatException e) {
            // falls through to the error below
          }
        }
        return (Long) ctxt.handleWeirdStringValue(Long.class, text,
            "not an unsigned 64-bit integer");
      }
      return (Long) ctxt.handleUnexpectedToken(Long.class, p);
    }
  }
}
