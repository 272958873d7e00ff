package org.kumaj.pki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates of a mesh's mTLS, as Kuma's builtin CA ({@code pkg/plugins/ca/builtin/ca.go})
 * and workload issuer ({@code pkg/core/ca/issuer/issuer.go}) make them.
 *
 * <ul>
 *   <li>A <b>root CA</b>: subject {@code O=Kuma, OU=Mesh, CN=<mesh>}, URI SAN {@code
 *       spiffe://<mesh>}, serial 0, CA with key usage certSign|cRLSign, valid from 10 s ago for 10
 *       years (or the given validity).
 *   <li>A <b>workload (identity) certificate</b> signed by a CA: empty subject, URI SANs {@code
 *       spiffe://<mesh>/<service>} for every {@code kuma.io/service} value and {@code
 *       kuma://<tag>/<value>} for every tag value, key usage
 *       keyEncipherment|keyAgreement|digitalSignature, extended key usage serverAuth+clientAuth,
 *       random 128-bit serial, valid from 10 s ago for 24 hours (or the given validity).
 * </ul>
 *
 * <p>Keys are passed in, so callers choose fresh keys or a {@link KeyPool}. Time comes from the
 * injected clock. Thread-safe.
 */
public final class MeshCertificates {
  /** Kuma back-dates mesh certificates by this much. */
  public static final Duration ALLOWED_CLOCK_SKEW = Duration.ofSeconds(10);
  /** Validity of a builtin root CA unless {@code caCert.expiration} says otherwise. */
  public static final Duration DEFAULT_CA_VALIDITY = Duration.ofDays(3650);
  /** Validity of a workload certificate unless {@code dpCert.rotation.expiration} says otherwise. */
  public static final Duration DEFAULT_WORKLOAD_VALIDITY = Duration.ofHours(24);
  /** The tag whose values become SPIFFE ids. */
  public static final String SERVICE_TAG = "kuma.io/service";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final BigInteger MAX_SERIAL = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
  private static final X500Name EMPTY_NAME = new X500Name(new RDN[0]);

  private final Clock clock;

  public MeshCertificates(Clock clock) {
    this.clock = clock;
  }

  /**
   * A self-signed root CA for the mesh (trust domain) {@code trustDomain}.
   *
   * @param keys the CA key pair (Kuma: RSA of {@code caCert.RSAbits}, default 2048)
   * @param validity how long from now it is valid; {@code null} for {@link #DEFAULT_CA_VALIDITY}
   * @throws IllegalArgumentException when {@code trustDomain} is not a SPIFFE trust domain or the
   *     validity is not positive
   */
  public KeyAndCertificate rootCa(String trustDomain, KeyPair keys, Duration validity) {
    String spiffe = "spiffe://" + checkTrustDomain(trustDomain);
    Instant now = clock.instant();
    X500Name subject = name(BCStyle.O, "Kuma", BCStyle.OU, "Mesh", BCStyle.CN, trustDomain);
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ZERO,
        Date.from(now.minus(ALLOWED_CLOCK_SKEW)), Date.from(now.plus(positive(validity, DEFAULT_CA_VALIDITY))),
        subject, keys.getPublic());
    try {
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.subjectKeyIdentifier, false, subjectKeyId(keys.getPublic()));
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, spiffe)));
    } catch (CertIOException e) {
      throw new IllegalStateException("could not encode a CA certificate extension", e);
    }
    return new KeyAndCertificate(keys.getPrivate(), sign(builder, keys.getPrivate()));
  }

  /**
   * An identity certificate for a workload with {@code tags}, signed by {@code ca}.
   *
   * @param ca the signing CA: its key and certificate (any RSA, ECDSA or Ed25519 CA)
   * @param trustDomain the mesh
   * @param tags the workload's tags, each with every value it has (Kuma's {@code MultiValueTagSet})
   * @param keys the workload's key pair
   * @param validity how long from now it is valid; {@code null} for {@link #DEFAULT_WORKLOAD_VALIDITY}
   * @throws IllegalArgumentException when the trust domain or a service name cannot be part of a
   *     SPIFFE id, or the validity is not positive
   */
  public KeyAndCertificate workload(KeyAndCertificate ca, String trustDomain,
      Map<String, ? extends Collection<String>> tags, KeyPair keys, Duration validity) {
    List<String> uris = workloadUris(trustDomain, tags);
    Instant now = clock.instant();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
        Date.from(now.minus(ALLOWED_CLOCK_SKEW)), Date.from(now.plus(positive(validity, DEFAULT_WORKLOAD_VALIDITY))),
        EMPTY_NAME, keys.getPublic());
    try {
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyEncipherment | KeyUsage.keyAgreement | KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      byte[] caKeyId = ca.certificate().getExtensionValue(Extension.subjectKeyIdentifier.getId());
      if (caKeyId != null) {
        byte[] keyId = SubjectKeyIdentifier.getInstance(
            ASN1OctetString.getInstance(caKeyId).getOctets()).getKeyIdentifier();
        builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyId));
      }
      if (!uris.isEmpty()) {
        // RFC 5280 4.2.1.6: with an empty subject the SAN extension is critical (Go does the same).
        builder.addExtension(Extension.subjectAlternativeName, true, new GeneralNames(uris.stream()
            .map(u -> new GeneralName(GeneralName.uniformResourceIdentifier, u)).toArray(GeneralName[]::new)));
      }
    } catch (CertIOException e) {
      throw new IllegalStateException("could not encode a workload certificate extension", e);
    }
    return new KeyAndCertificate(keys.getPrivate(), sign(builder, ca.key()));
  }

  /**
   * The URI SANs of a workload certificate, in Kuma's order: {@code spiffe://<trustDomain>/<service>}
   * for every {@code kuma.io/service} value (sorted), then {@code kuma://<tag>/<value>} for every tag
   * (sorted) and each of its distinct values (sorted).
   *
   * @throws IllegalArgumentException when the trust domain or a service name cannot be part of a
   *     SPIFFE id
   */
  public static List<String> workloadUris(String trustDomain, Map<String, ? extends Collection<String>> tags) {
    String domain = checkTrustDomain(trustDomain);
    TreeMap<String, TreeSet<String>> sorted = new TreeMap<>();
    tags.forEach((tag, values) -> sorted.computeIfAbsent(tag, t -> new TreeSet<>()).addAll(values));
    List<String> uris = new ArrayList<>();
    for (String service : sorted.getOrDefault(SERVICE_TAG, new TreeSet<>())) {
      uris.add("spiffe://" + domain + "/" + checkPathSegment(service));
    }
    sorted.forEach((tag, values) -> values.forEach(value -> uris.add("kuma://" + escape(tag) + "/" + escape(value))));
    return uris;
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, java.security.PrivateKey signer) {
    try {
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder(Signatures.algorithmFor(signer)).build(signer)));
    } catch (OperatorCreationException | CertificateException e) {
      throw new IllegalStateException("could not sign a certificate", e);
    }
  }

  private static BigInteger serial() {
    // [1, 2^128 - 1], as Kuma's newSerialNumber.
    return new BigInteger(128, RANDOM).mod(MAX_SERIAL).add(BigInteger.ONE);
  }

  private static Duration positive(Duration validity, Duration fallback) {
    if (validity == null) {
      return fallback;
    }
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("certificate validity must be positive, got " + validity);
    }
    return validity;
  }

  /** A name whose attributes are encoded as Go encodes them: PrintableString when possible. */
  private static X500Name name(Object... typesAndValues) {
    RDN[] rdns = new RDN[typesAndValues.length / 2];
    for (int i = 0; i < rdns.length; i++) {
      String value = (String) typesAndValues[2 * i + 1];
      ASN1Encodable encoded = DERPrintableString.isPrintableString(value)
          ? new DERPrintableString(value) : new DERUTF8String(value);
      rdns[i] = new RDN(new AttributeTypeAndValue((ASN1ObjectIdentifier) typesAndValues[2 * i], encoded));
    }
    return new X500Name(rdns);
  }

  /** RFC 5280 4.2.1.2 method 1: SHA-1 of the subject public key bits. */
  private static SubjectKeyIdentifier subjectKeyId(PublicKey key) {
    byte[] bits = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
    try {
      return new SubjectKeyIdentifier(MessageDigest.getInstance("SHA-1").digest(bits));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1 for key identifiers", e);
    }
  }

  /** go-spiffe's trust domain rule: lowercase letters, digits, dots, dashes and underscores. */
  private static String checkTrustDomain(String trustDomain) {
    if (trustDomain == null || trustDomain.isEmpty()) {
      throw new IllegalArgumentException("trust domain is missing");
    }
    for (int i = 0; i < trustDomain.length(); i++) {
      char c = trustDomain.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')) {
        throw new IllegalArgumentException("trust domain \"" + trustDomain
            + "\": trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores");
      }
    }
    return trustDomain;
  }

  /** go-spiffe's path segment rule: letters, digits, dots, dashes and underscores, not "." or "..". */
  private static String checkPathSegment(String segment) {
    if (segment.isEmpty()) {
      throw new IllegalArgumentException("service \"\": path cannot contain empty segments");
    }
    if (segment.equals(".") || segment.equals("..")) {
      throw new IllegalArgumentException("service \"" + segment + "\": path cannot contain dot segments");
    }
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '-' && c != '_') {
        throw new IllegalArgumentException("service \"" + segment
            + "\": path segment characters are limited to letters, numbers, dots, dashes, and underscores");
      }
    }
    return segment;
  }

  /** Percent-encodes what may not appear in a URI (an IA5String), keeping Kuma's tag characters. */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~:/@!$&'()*+,;=".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
