package org.kumaj.kumactl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * Reads JSON and YAML text into Jackson trees with the streaming parsers only (no
 * {@code ObjectMapper}, whose start-up cost kumactl's common commands do not need). Factories are
 * created on first use. Thread-safe.
 */
final class Trees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Trees() {}

  private static final class JsonHolder {
    static final JsonFactory JSON = new JsonFactory();
  }

  private static final class YamlHolder {
    static final YAMLFactory YAML;

    static {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(64 * 1024 * 1024);
      YAML = YAMLFactory.builder().loaderOptions(options).build();
    }
  }

  /** Parses one JSON document; empty text is {@code null}. */
  static JsonNode json(String text) throws IOException {
    try (JsonParser p = JsonHolder.JSON.createParser(text)) {
      return read(p);
    }
  }

  /** Parses one YAML document; empty text is {@code null}. */
  static JsonNode yaml(String text) throws IOException {
    try (JsonParser p = YamlHolder.YAML.createParser(text)) {
      return read(p);
    }
  }

  /** Parses a response body; a body that is not JSON becomes a {@link KumactlException}. */
  static JsonNode parseJson(String text) throws KumactlException {
    try {
      JsonNode node = json(text);
      return node == null ? NODES.nullNode() : node;
    } catch (IOException e) {
      String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new KumactlException("invalid JSON in the response: " + msg, e);
    }
  }

  private static JsonNode read(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      return null;
    }
    JsonNode node = value(p, t);
    return node;
  }

  private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        ObjectNode o = NODES.objectNode();
        for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
          String name = p.currentName();
          o.set(name, value(p, p.nextToken()));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          a.add(value(p, e));
        }
        return a;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        return NODES.textNode(p.getText());
    }
  }

  /** A YAML parse failure in go-yaml's words: {@code yaml: [line N: ]<problem>}. */
  static String yamlProblem(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked) {
        int line = 0;
        if (marked.getProblemMark() != null && marked.getProblemMark().getLine() != 0) {
          line = marked.getProblemMark().getLine() + (marked instanceof ScannerException ? 1 : 0);
        } else if (marked.getContextMark() != null) {
          line = marked.getContextMark().getLine();
        }
        return "yaml: " + (line != 0 ? "line " + line + ": " : "") + marked.getProblem();
      }
    }
    return e.getMessage();
  }
}
