package org.kumaj.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the self-signed TLS certificates Kuma generates for its servers and that
 * {@code kumactl generate tls-certificate} writes: valid 10 years from 5 minutes ago, marked as a CA
 * so that clients can pin them, with the given host names and IPs as SANs. Thread-safe.
 */
public final class Certificates {
  /** Kuma's validity for generated server/client certificates. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3650);
  /** Kuma back-dates certificates by this much to tolerate clock skew. */
  public static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(5);
  private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
  private static final SecureRandom RANDOM = new SecureRandom();
  // Go leaves the subject empty; the JDK refuses an empty issuer, so we name the organisation.
  private static final X500Name SUBJECT = new X500Name("O=Kuma");

  private final Clock clock;

  public Certificates(Clock clock) {
    this.clock = clock;
  }

  /** Generates a key of {@code keyType} and a self-signed certificate for {@code hosts}. */
  public KeyAndCertificate selfSigned(CertificateUsage usage, KeyType keyType, List<String> hosts) {
    KeyPair keys = keyType.generate();
    Instant notBefore = clock.instant().minus(ALLOWED_CLOCK_SKEW);
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
        SUBJECT, new BigInteger(128, RANDOM), Date.from(notBefore),
        Date.from(notBefore.plus(DEFAULT_VALIDITY)), SUBJECT, keys.getPublic());
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(
          KeyUsage.keyEncipherment | KeyUsage.digitalSignature | KeyUsage.keyCertSign));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
          usage == CertificateUsage.SERVER ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
      if (!hosts.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false, sans(hosts));
      }
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(
          new JcaContentSignerBuilder(keyType.signatureAlgorithm()).build(keys.getPrivate())));
      return new KeyAndCertificate(keys.getPrivate(), cert);
    } catch (CertIOException | OperatorCreationException | CertificateException e) {
      throw new IllegalStateException("could not build a certificate", e);
    }
  }

  private static GeneralNames sans(List<String> hosts) {
    List<GeneralName> names = new ArrayList<>();
    for (String host : hosts) {
      names.add(isIp(host)
          ? new GeneralName(GeneralName.iPAddress, host)
          : new GeneralName(GeneralName.dNSName, host));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private static boolean isIp(String host) {
    if (IPV4.matcher(host).matches()) {
      return true;
    }
    if (!host.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(host) != null;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
