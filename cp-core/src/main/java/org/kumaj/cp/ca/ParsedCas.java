package org.kumaj.cp.ca;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kumaj.pki.KeyAndCertificate;

/**
 * {@link KeyAndCertificate#parse} memoised by content: a CA is read for every identity certificate
 * it signs, and parsing its PEMs and checking that the key matches the certificate (a test
 * signature) cost more than the signature of the identity certificate itself. Keyed by the PEM
 * texts, so a CA whose Secrets change is parsed again; failures are not cached. At most
 * {@value #MAX} entries (the map is emptied when full). Thread-safe.
 */
final class ParsedCas {
  static final int MAX = 64;

  private static final Map<Pems, KeyAndCertificate> PARSED = new ConcurrentHashMap<>();

  private record Pems(String certificate, String key) {}

  private ParsedCas() {}

  /**
   * {@link KeyAndCertificate#parse}{@code (certificatePem, keyPem)}, from the cache when the same
   * texts were parsed before.
   *
   * @throws IllegalArgumentException as {@link KeyAndCertificate#parse}
   */
  static KeyAndCertificate parse(String certificatePem, String keyPem) {
    Pems pems = new Pems(certificatePem, keyPem);
    KeyAndCertificate cached = PARSED.get(pems);
    if (cached != null) {
      return cached;
    }
    KeyAndCertificate parsed = KeyAndCertificate.parse(certificatePem, keyPem);
    if (PARSED.size() >= MAX) {
      PARSED.clear();
    }
    PARSED.put(pems, parsed);
    return parsed;
  }
}
