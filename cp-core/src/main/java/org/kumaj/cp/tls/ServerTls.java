package org.kumaj.cp.tls;

import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kumaj.cp.config.ConfigException;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.pki.CertificateUsage;
import org.kumaj.pki.Certificates;
import org.kumaj.pki.KeyAndCertificate;
import org.kumaj.pki.KeyType;
import org.kumaj.pki.Pem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate and key every TLS server of the control plane presents, found the way Kuma finds
 * them: {@code general.tlsCertFile}/{@code tlsKeyFile} when set; otherwise {@code kuma-cp.crt} and
 * {@code kuma-cp.key} in the work directory, generated (self-signed, RSA 2048, for the host name,
 * {@code localhost} and every local IP) on first start and reused afterwards.
 *
 * @param certFile PEM certificate chain
 * @param keyFile PEM private key
 * @param minTlsVersion the JDK protocol name of the lowest TLS version to accept
 */
public record ServerTls(Path certFile, Path keyFile, String minTlsVersion) {
  private static final Logger LOG = LoggerFactory.getLogger("bootstrap");
  static final String CERT_FILE = "kuma-cp.crt";
  static final String KEY_FILE = "kuma-cp.key";

  /** The TLS protocol versions to enable, lowest first, e.g. {@code [TLSv1.2, TLSv1.3]}. */
  public List<String> protocols() {
    return minTlsVersion.equals("TLSv1.3") ? List.of("TLSv1.3") : List.of("TLSv1.2", "TLSv1.3");
  }

  /**
   * A Netty server context builder for this certificate chain and key that accepts
   * {@link #protocols()}. The files are parsed here, into the JDK's key and certificate classes:
   * given file names, Netty parses PEM with BouncyCastle when it is present, whose RSA key check runs
   * a primality test on every start.
   *
   * @throws IllegalStateException if a file cannot be read or holds no usable certificate or key
   */
  public SslContextBuilder serverContext() {
    try {
      PrivateKey key = Pem.privateKey(Files.readString(keyFile));
      List<X509Certificate> chain = Pem.certificates(Files.readString(certFile));
      return SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new)).protocols(protocols());
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot use the TLS certificate " + certFile + " and key " + keyFile
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * Resolves (and if needed generates) the server TLS material for {@code config}.
   *
   * @throws ConfigException if only one of the two files is configured, a file is unreadable, or
   *     the work directory cannot be written
   */
  public static ServerTls resolve(KumaConfig config, Certificates certificates) {
    String min = config.string("general.tlsMinVersion").replace('_', '.');
    String cert = config.string("general.tlsCertFile");
    String key = config.string("general.tlsKeyFile");
    if (!cert.isEmpty() || !key.isEmpty()) {
      if (cert.isEmpty() || key.isEmpty()) {
        throw new ConfigException(KumaConfig.describeKey("general.tlsCertFile") + " and "
            + KumaConfig.describeKey("general.tlsKeyFile") + " must be set together");
      }
      return new ServerTls(checkReadable(Path.of(cert), "general.tlsCertFile"),
          checkReadable(Path.of(key), "general.tlsKeyFile"), min);
    }
    Path dir = config.workDir();
    Path certFile = dir.resolve(CERT_FILE);
    Path keyFile = dir.resolve(KEY_FILE);
    if (isUsablePair(certFile, keyFile)) {
      LOG.info("using TLS certificate {} and key {} found in the work directory", certFile, keyFile);
      return new ServerTls(certFile, keyFile, min);
    }
    List<String> hosts = hosts();
    KeyAndCertificate generated = certificates.selfSigned(CertificateUsage.SERVER, KeyType.RSA, hosts);
    try {
      Files.createDirectories(dir);
      writePrivate(keyFile, generated.keyPem());
      writePrivate(certFile, generated.certificatePem());
    } catch (IOException e) {
      throw new ConfigException("could not write the generated TLS certificate into the work directory "
          + dir + " (" + e.getMessage() + "); set " + KumaConfig.describeKey("general.workDir")
          + " to a writable directory");
    }
    LOG.info("generated a self-signed TLS certificate {} for {}; configure your own with "
        + "KUMA_GENERAL_TLS_CERT_FILE and KUMA_GENERAL_TLS_KEY_FILE", certFile, String.join(", ", hosts));
    return new ServerTls(certFile, keyFile, min);
  }

  private static boolean isUsablePair(Path cert, Path key) {
    try {
      if (!Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
        return false;
      }
      Pem.certificates(Files.readString(cert));
      Pem.privateKey(Files.readString(key));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("ignoring unusable TLS files in the work directory ({}); generating new ones", e.getMessage());
      return false;
    }
  }

  private static Path checkReadable(Path file, String key) {
    if (!Files.isReadable(file)) {
      throw new ConfigException("cannot read " + file + " configured by " + KumaConfig.describeKey(key));
    }
    return file;
  }

  private static void writePrivate(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, content, StandardOpenOption.TRUNCATE_EXISTING);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static List<String> hosts() {
    List<String> hosts = new ArrayList<>();
    try {
      hosts.add(InetAddress.getLocalHost().getHostName());
    } catch (IOException e) {
      LOG.debug("no host name for the generated certificate: {}", e.getMessage());
    }
    hosts.add("localhost");
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress addr : Collections.list(nif.getInetAddresses())) {
          String ip = addr.getHostAddress();
          int zone = ip.indexOf('%');
          hosts.add(zone < 0 ? ip : ip.substring(0, zone));
        }
      }
    } catch (SocketException e) {
      LOG.debug("could not list local addresses for the generated certificate: {}", e.getMessage());
    }
    return hosts.stream().distinct().toList();
  }
}
