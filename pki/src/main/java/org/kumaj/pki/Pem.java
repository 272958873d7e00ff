package org.kumaj.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/** Reads and writes PEM text. Stateless and thread-safe. */
public final class Pem {
  private Pem() {}

  /** Encodes a certificate or a private key. RSA and EC keys use the traditional OpenSSL forms. */
  public static String encode(Object certificateOrKey) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      if (certificateOrKey instanceof PrivateKey key && key.getAlgorithm().equals("EC")) {
        writer.writeObject(sec1(key));
      } else if (certificateOrKey instanceof PrivateKey key) {
        writer.writeObject(new JcaMiscPEMGenerator(key).generate());
      } else {
        writer.writeObject(certificateOrKey);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** An EC key as SEC1 with its named curve inside, as OpenSSL and Go write it. */
  private static PemObject sec1(PrivateKey key) throws IOException {
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
    ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
    ECPrivateKey withCurve = new ECPrivateKey(256, inner.getKey(), inner.getPublicKey(),
        info.getPrivateKeyAlgorithm().getParameters());
    return new PemObject("EC PRIVATE KEY", withCurve.getEncoded());
  }

  /**
   * Reads every certificate in {@code pem}.
   *
   * @throws IllegalArgumentException if the text holds no certificate or a broken one
   */
  public static List<X509Certificate> certificates(String pem) {
    List<X509Certificate> certs = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object obj;
      while ((obj = parser.readObject()) != null) {
        if (obj instanceof X509CertificateHolder holder) {
          certs.add(new JcaX509CertificateConverter().getCertificate(holder));
        }
      }
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException("invalid PEM certificate: " + e.getMessage(), e);
    }
    if (certs.isEmpty()) {
      throw new IllegalArgumentException("no certificate found in PEM data");
    }
    return certs;
  }

  /**
   * Reads the first private key in {@code pem} (PKCS#1, SEC1 or PKCS#8).
   *
   * @throws IllegalArgumentException if there is none
   */
  public static PrivateKey privateKey(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object obj;
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      while ((obj = parser.readObject()) != null) {
        if (obj instanceof PEMKeyPair pair) {
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (obj instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid PEM private key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("no private key found in PEM data");
  }
}
