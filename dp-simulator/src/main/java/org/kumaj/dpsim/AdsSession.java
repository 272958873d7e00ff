package org.kumaj.dpsim;

import com.google.protobuf.Any;
import java.util.List;
import java.util.Set;

/**
 * The wire side of one ADS stream (SotW or delta): encodes subscriptions, ACKs and NACKs, decodes
 * responses into {@link Update}s for {@link SimulatedProxy}. Sends are called under the proxy's
 * lock, so they never overlap.
 */
interface AdsSession {

  /** A received resource; {@code name} is null when the wire does not carry it (SotW). */
  record Incoming(String name, String version, Any resource) {}

  /** A decoded response. */
  record Update(XdsType type, String version, String nonce, List<Incoming> resources,
      List<String> removed, boolean stateOfTheWorld) {}

  /** Receives what the stream delivers; implemented by {@link SimulatedProxy}. */
  interface Listener {
    void onUpdate(Update update);

    /** A response of a type the proxy does not know (it NACKs it). */
    void onUnknownType(String typeUrl, String nonce);

    void onStreamError(Throwable error);

    void onStreamCompleted();
  }

  /** Opens the gRPC call. */
  void start();

  /**
   * Subscribes to {@code names} of {@code type} (empty and wildcard type: all), the first time or
   * as a change ({@code added}/{@code removed} against the previous subscription).
   */
  void subscribe(XdsType type, Set<String> names, Set<String> added, Set<String> removed,
      String acceptedVersion, String lastNonce);

  void ack(XdsType type, Set<String> names, String version, String nonce);

  void nack(String typeUrl, Set<String> names, String acceptedVersion, String nonce, String message);

  /** Cancels the call. */
  void cancel(String reason);
}
