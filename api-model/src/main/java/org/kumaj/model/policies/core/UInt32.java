package org.kumaj.model.policies.core;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code Integer} component that Kuma declares as Go {@code uint32}: a negative number
 * fails binding as it does in Kuma (Kuma's schema also caps such fields at the int32 range).
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonDeserialize(using = UInt32.Deserializer.class)
public @interface UInt32 {

  /** Reads a JSON integer in [0, 2^31-1]; anything else is a {@code MismatchedInputException}. */
  final class Deserializer extends StdDeserializer<Integer> {
    private static final long serialVersionUID = 1L;

    public Deserializer() {
      super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
      }
      if (p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < 0) {
        return (Integer) ctxt.reportInputMismatch(
            this, "cannot unmarshal number %s into a uint32 field", p.getText());
      }
      return p.getIntValue();
    }
  }
}
