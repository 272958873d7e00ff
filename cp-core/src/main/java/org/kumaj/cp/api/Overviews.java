package org.kumaj.cp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.kumaj.model.Resource;
import org.kumaj.model.codec.Json;
import org.kumaj.model.codec.UniversalCodec;

/**
 * Kuma's overview objects (DataplaneOverview, ZoneOverview, ...): the resource's metadata with
 * {@code type: <Type>Overview}, its spec under the lower-camel type name and its insight under
 * {@code <type>Insight} (empty when the resource has none yet). Stateless.
 */
final class Overviews {
  private Overviews() {}

  static ObjectNode render(Resource resource, Optional<Resource> insight) {
    ObjectNode universal = UniversalCodec.encode(resource);
    ObjectNode out = Json.mapper().createObjectNode();
    String field = Character.toLowerCase(resource.type().name().charAt(0)) + resource.type().name().substring(1);
    out.put("type", resource.type().name() + "Overview");
    Iterator<Map.Entry<String, JsonNode>> it = universal.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("type")) {
        continue;
      }
      if (isMeta(e.getKey())) {
        out.set(e.getKey(), e.getValue());
      }
    }
    out.set(field, Json.mapper().valueToTree(resource.spec()));
    out.set(field + "Insight", insight.<JsonNode>map(i -> Json.mapper().valueToTree(i.spec()))
        .orElseGet(() -> Json.mapper().createObjectNode()));
    return out;
  }

  private static boolean isMeta(String field) {
    return switch (field) {
      case "mesh", "name", "creationTime", "modificationTime", "labels", "kri" -> true;
      default -> false;
    };
  }
}
