package org.kumaj.cp.xds;

import org.kumaj.cp.tokens.InvalidTokenException;
import org.kumaj.model.Resource;

/**
 * Decides whether a data plane proxy may fetch its bootstrap and configuration: with
 * {@code dpServer.authn.dpProxy.type=dpToken} (the Universal default) the credential is a dataplane
 * token that must be valid and match the Dataplane; with {@code none} everything is accepted.
 * Implementations are thread-safe.
 */
public interface ProxyAuthenticator {

  /** Whether a credential must be presented at all. */
  boolean credentialRequired();

  /**
   * Checks {@code credential} for the proxy {@code id} whose Dataplane is {@code dataplane}.
   *
   * @throws InvalidTokenException with the reason when the proxy may not connect
   */
  void authenticate(String credential, ProxyId id, Resource dataplane);
}
