package org.kumaj.model.policies.core;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component that Kuma declares as a Go struct value (not a pointer), such as a policy's
 * {@code default}: Go always writes it, so an absent value is written as {@code {}}, as Kuma does.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonSerialize(nullsUsing = GoStruct.EmptyObject.class)
public @interface GoStruct {

  /** Writes {@code null} as an empty JSON object. */
  final class EmptyObject extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    public EmptyObject() {
      super(Object.class);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      gen.writeEndObject();
    }
  }
}
