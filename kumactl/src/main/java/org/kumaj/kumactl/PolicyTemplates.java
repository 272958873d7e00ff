package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.kumaj.model.validation.GoStrings;

/**
 * The text Kuma's Go templates print for {@code inspect dataplane NAME} (matched policies per
 * attachment, or per listener/host/route/destination of a gateway) and {@code inspect <policy>
 * NAME} (affected data plane proxies). Responses without a {@code kind} are sidecar responses,
 * as in Kuma. Map keys are printed sorted, as Go templates range over maps. Stateless.
 */
final class PolicyTemplates {
  private static final String SIDECAR = "SidecarDataplane";
  private static final String GATEWAY = "MeshGatewayDataplane";

  private PolicyTemplates() {}

  /** {@code inspect dataplane NAME --type policies}. */
  static String dataplane(JsonNode response) throws KumactlException {
    String kind = response.path("kind").asText("");
    StringBuilder out = new StringBuilder();
    if (kind.isEmpty() || kind.equals(SIDECAR)) {
      for (JsonNode item : response.path("items")) {
        out.append(attachment(item, true)).append(":\n");
        for (String type : sortedKeys(item.path("matchedPolicies"))) {
          out.append("  ").append(type).append("\n    ");
          for (JsonNode policy : item.path("matchedPolicies").path(type)) {
            out.append(policy.path("name").asText("")).append('\n');
          }
        }
        out.append('\n');
      }
    } else if (kind.equals(GATEWAY)) {
      out.append("MESHGATEWAY:\n");
      policies(out, response.path("policies"), "  ", "    ");
      out.append('\n');
      for (JsonNode listener : response.path("listeners")) {
        out.append("LISTENER (").append(listener.path("protocol").asText("")).append(':')
            .append(listener.path("port").asText("")).append("):\n");
        for (JsonNode host : listener.path("hosts")) {
          out.append("  ").append(host.path("hostName").asText("")).append(":\n");
          for (JsonNode route : host.path("routes")) {
            out.append("    ROUTE ").append(route.path("route").asText("")).append(":\n");
            for (JsonNode destination : route.path("destinations")) {
              out.append("      ").append(tags(destination.path("tags"), true)).append(":\n");
              policies(out, destination.path("policies"), "        ", "          ");
              out.append('\n');
            }
          }
        }
      }
    } else {
      throw new KumactlException("invalid DataplaneInspectResponse kind " + GoStrings.quote(kind));
    }
    return out.toString();
  }

  private static void policies(StringBuilder out, JsonNode byType, String typeIndent, String nameIndent) {
    for (String type : sortedKeys(byType)) {
      out.append(typeIndent).append(type).append('\n')
          .append(nameIndent).append(byType.path(type).path("name").asText("")).append('\n');
    }
  }

  /** {@code inspect <policy> NAME} (the older inspect API). */
  static String policy(JsonNode response) throws KumactlException {
    StringBuilder out = new StringBuilder("Affected data plane proxies:\n\n");
    for (JsonNode item : response.path("items")) {
      String kind = item.path("kind").asText("");
      if (kind.isEmpty() || kind.equals(SIDECAR)) {
        out.append("  ").append(item.path("dataplane").path("name").asText(""));
        JsonNode attachments = item.path("attachments");
        boolean onlyDataplane = attachments.size() == 1
            && attachments.get(0).path("type").asText("").equals("dataplane");
        if (!onlyDataplane) {
          out.append(":\n");
          for (JsonNode a : attachments) {
            out.append("    ").append(attachment(a, false)).append('\n');
          }
        }
        out.append('\n');
      } else if (kind.equals(GATEWAY)) {
        out.append("  ").append(item.path("gateway").path("name").asText("")).append(":\n");
        for (JsonNode listener : item.path("listeners")) {
          out.append("    listener (").append(listener.path("protocol").asText("")).append(':')
              .append(listener.path("port").asText("")).append("):\n");
          for (JsonNode host : listener.path("hosts")) {
            out.append("      ").append(host.path("hostName").asText("")).append(":\n");
            for (JsonNode route : host.path("routes")) {
              out.append("        ").append(route.path("route").asText("")).append(":\n");
              for (JsonNode destination : route.path("destinations")) {
                out.append("          ").append(tags(destination, false)).append('\n');
              }
            }
          }
        }
        out.append('\n');
      } else {
        throw new KumactlException("invalid PolicyInspectEntry kind " + GoStrings.quote(kind));
      }
    }
    return out.toString();
  }

  /** Kuma's {@code attachmentToStr}. */
  private static String attachment(JsonNode a, boolean upperCase) {
    String type = a.path("type").asText("");
    String label = upperCase ? type.toUpperCase() : type;
    return switch (type) {
      case "dataplane" -> label;
      case "service" -> label + " " + a.path("name").asText("");
      default -> label + " " + a.path("name").asText("") + "(" + a.path("service").asText("") + ")";
    };
  }

  /** Kuma's {@code tagsToStr}: the service tag of a destination. */
  private static String tags(JsonNode tags, boolean upperCase) {
    return (upperCase ? "SERVICE" : "service") + " " + tags.path("kuma.io/service").asText("");
  }

  private static List<String> sortedKeys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    keys.sort(null);
    return keys;
  }
}
