package org.kumaj.dpsim;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A named predicate over what a proxy has accepted ({@link XdsView}), awaited with
 * {@link SimulatedProxy#await(Condition, java.time.Duration)} or
 * {@link SimulatedProxy#when(Condition)}. Conditions are evaluated after every ACK, on the proxy's
 * stream thread, so they must be cheap and side-effect free. Immutable.
 */
public final class Condition {
  private final String description;
  private final Predicate<XdsView> predicate;

  private Condition(String description, Predicate<XdsView> predicate) {
    this.description = Objects.requireNonNull(description);
    this.predicate = Objects.requireNonNull(predicate);
  }

  /** A condition with a description used in timeout messages. */
  public static Condition of(String description, Predicate<XdsView> predicate) {
    return new Condition(description, predicate);
  }

  /** Evaluates the condition. */
  public boolean test(XdsView view) {
    return predicate.test(view);
  }

  /** The description. */
  public String description() {
    return description;
  }

  /** Both conditions. */
  public Condition and(Condition other) {
    return new Condition(description + " and " + other.description,
        v -> predicate.test(v) && other.predicate.test(v));
  }

  /** Listeners and clusters were ACKed at least once and the graph has no problems. */
  public static Condition graphComplete() {
    return of("the resource graph is complete", v -> v.acked(XdsType.LISTENER)
        && v.acked(XdsType.CLUSTER) && v.graphProblems().isEmpty());
  }

  /** Every listed type was ACKed at least once. */
  public static Condition acked(XdsType... types) {
    String names = Arrays.stream(types).map(XdsType::shortName).collect(Collectors.joining(", "));
    return of(names + " ACKed", v -> Arrays.stream(types).allMatch(v::acked));
  }

  /** Some held load assignment contains the endpoint {@code address:port}. */
  public static Condition hasEndpoint(String hostPort) {
    return of("some load assignment contains " + hostPort, v -> v.hasEndpoint(hostPort));
  }

  /** The named load assignment contains the endpoint {@code address:port}. */
  public static Condition hasEndpoint(String loadAssignment, String hostPort) {
    return of("load assignment " + loadAssignment + " contains " + hostPort,
        v -> v.endpoints(loadAssignment).contains(hostPort));
  }

  /** No held load assignment contains the endpoint {@code address:port}. */
  public static Condition lacksEndpoint(String hostPort) {
    return of("no load assignment contains " + hostPort, v -> !v.hasEndpoint(hostPort));
  }

  /** A resource of this type and name is held. */
  public static Condition hasResource(XdsType type, String name) {
    return of(type.shortName() + " resource " + name + " is held",
        v -> v.resource(type, name).isPresent());
  }

  /** No resource of this type and name is held. */
  public static Condition lacksResource(XdsType type, String name) {
    return of(type.shortName() + " resource " + name + " is absent",
        v -> v.resource(type, name).isEmpty());
  }

  /**
   * The proxy holds an identity certificate and a CA (SDS secrets with a TLS certificate and with
   * a validation context) and its graph is complete, so every TLS context can be served.
   */
  public static Condition hasCertificates() {
    return of("the proxy holds certificates and its graph is complete", v -> {
      boolean cert = false;
      boolean ca = false;
      for (XdsResource s : v.resources(XdsType.SECRET).values()) {
        cert |= s.refs().tlsCertificate();
        ca |= s.refs().validationContext();
      }
      return cert && ca && graphComplete().test(v);
    });
  }

  /** The names or bytes of this type differ from those in {@code before}. */
  public static Condition changed(XdsType type, XdsView before) {
    return of(type.shortName() + " changed", v -> !v.sameContent(type, before));
  }

  @Override
  public String toString() {
    return description;
  }
}
