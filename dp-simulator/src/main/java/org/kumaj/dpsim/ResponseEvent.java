package org.kumaj.dpsim;

/**
 * One response a proxy received and how it answered it. Times are {@link System#nanoTime()}.
 *
 * @param type the resource type; {@code null} for a response of a type the proxy does not know
 * @param version {@code version_info} (SotW) or {@code system_version_info} (delta)
 * @param nonce the response nonce
 * @param resources how many resources the response carried
 * @param removed how many names it removed (delta)
 * @param receivedNanos when the response arrived
 * @param answeredNanos when the ACK or NACK was sent
 * @param nackMessage the NACK's error detail, or {@code null} for an ACK
 */
public record ResponseEvent(XdsType type, String version, String nonce, int resources, int removed,
    long receivedNanos, long answeredNanos, String nackMessage) {

  /** Whether the response was ACKed. */
  public boolean acked() {
    return nackMessage == null;
  }
}
