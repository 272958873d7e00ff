package org.kumaj.dpsim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Completeness of an accepted resource graph (see {@link XdsView#graphProblems()}). Stateless. */
final class GraphCheck {

  private GraphCheck() {}

  static List<String> problems(XdsView view) {
    List<String> problems = new ArrayList<>();
    Map<String, XdsResource> listeners = view.resources(XdsType.LISTENER);
    Map<String, XdsResource> clusters = view.resources(XdsType.CLUSTER);
    Map<String, XdsResource> routes = view.resources(XdsType.ROUTE);
    Map<String, XdsResource> endpoints = view.resources(XdsType.ENDPOINT);
    Map<String, XdsResource> secrets = view.resources(XdsType.SECRET);
    for (XdsResource l : listeners.values()) {
      for (String r : l.refs().routeConfigs()) {
        if (!routes.containsKey(r)) {
          problems.add("listener " + l.name() + ": route configuration " + r + " is missing");
        }
      }
      missingClusters("listener " + l.name(), l, view, problems);
      missingSecrets("listener " + l.name(), l, secrets, problems);
    }
    for (XdsResource r : routes.values()) {
      missingClusters("route configuration " + r.name(), r, view, problems);
    }
    for (XdsResource c : clusters.values()) {
      String eds = c.refs().edsName();
      if (eds != null && !endpoints.containsKey(eds)) {
        problems.add("cluster " + c.name() + ": load assignment " + eds + " is missing");
      }
      missingSecrets("cluster " + c.name(), c, secrets, problems);
    }
    Collections.sort(problems);
    return problems;
  }

  private static void missingClusters(String owner, XdsResource r, XdsView view, List<String> out) {
    Map<String, XdsResource> clusters = view.resources(XdsType.CLUSTER);
    for (String c : r.refs().clusters()) {
      if (!clusters.containsKey(c) && !view.staticClusters().contains(c)) {
        out.add(owner + ": cluster " + c + " is missing");
      }
    }
  }

  private static void missingSecrets(String owner, XdsResource r, Map<String, XdsResource> secrets,
      List<String> out) {
    for (String s : r.refs().secrets()) {
      if (!secrets.containsKey(s)) {
        out.add(owner + ": secret " + s + " is missing");
      }
    }
  }
}
