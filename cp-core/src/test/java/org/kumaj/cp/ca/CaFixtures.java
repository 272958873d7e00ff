package org.kumaj.cp.ca;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.codec.Json;
import org.kumaj.model.mesh.CertificateAuthorityBackend;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.system.Secret;
import org.kumaj.pki.Pem;

/**
 * What the CA tests share: one in-process standalone control plane (memory store) for the test JVM,
 * builders of Meshes and Dataplanes, a hand-moved clock, and the two independent chain checks
 * (the JDK's PKIX validator and {@code openssl verify}).
 */
final class CaFixtures {
  private static TestControlPlane controlPlane;

  private CaFixtures() {}

  /** The shared control plane, started on first use and stopped when the JVM exits. */
  static synchronized TestControlPlane controlPlane() {
    if (controlPlane == null) {
      try {
        Path workDir = Files.createTempDirectory("kumaj-ca-test");
        controlPlane = TestControlPlane.start(Role.STANDALONE, workDir, Map.of());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      TestControlPlane started = controlPlane;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return controlPlane;
  }

  static ResourceManager manager() {
    return controlPlane().bean(ResourceManager.class);
  }

  static CertificateAuthorityBackend builtin(String name, String conf) {
    return backend(name, CertificateAuthorityBackend.BUILTIN, conf, null, null);
  }

  static CertificateAuthorityBackend backend(String name, String type, String conf, String dpCertExpiration,
      String mode) {
    CertificateAuthorityBackend.DpCert dpCert = dpCertExpiration == null
        ? null : new CertificateAuthorityBackend.DpCert(new CertificateAuthorityBackend.Rotation(dpCertExpiration), null);
    return new CertificateAuthorityBackend(name, type, dpCert, json(conf), mode, null);
  }

  static JsonNode json(String text) {
    try {
      return text == null ? null : Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Mesh spec with mTLS through {@code backend} (enabled when {@code enabled}). */
  static Mesh mesh(CertificateAuthorityBackend backend, boolean enabled) {
    return new Mesh(new Mesh.Mtls(enabled ? backend.name() : null, List.of(backend), null),
        null, null, null, null, null, null, null, null);
  }

  static Resource create(String name, Mesh spec) {
    return manager().create(new Resource(Mesh.TYPE, ResourceMeta.of(null, name, null), spec)).resource();
  }

  /** Stores a new version of {@code stored} with {@code spec}. */
  static Resource update(Resource stored, Mesh spec) {
    return manager().update(stored.withSpec(spec)).resource();
  }

  /** Creates a Secret holding {@code text}, as kumactl would (data = base64). */
  static void secret(String mesh, String name, String text) {
    manager().create(new Resource(Secret.TYPE, ResourceMeta.of(mesh, name, null),
        new Secret(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)))));
  }

  /** The decoded text of a Secret, or null. */
  static String secretText(String mesh, String name) {
    return manager().get(new ResourceKey(Secret.TYPE, mesh, name))
        .map(r -> new String(Base64.getDecoder().decode(r.spec(Secret.class).data()), StandardCharsets.UTF_8))
        .orElse(null);
  }

  /** A Dataplane (not stored) with one inbound per tag map. */
  @SafeVarargs
  static Resource dataplane(String mesh, String name, Map<String, String> labels, Map<String, String>... inbounds) {
    List<Dataplane.Inbound> list = new ArrayList<>();
    int port = 8080;
    for (Map<String, String> tags : inbounds) {
      list.add(new Dataplane.Inbound(port++, null, null, null, tags, null, null, null, null, null));
    }
    Dataplane spec = new Dataplane(
        new Dataplane.Networking("10.0.0.1", null, null, list, null, null, null, null), null, null);
    return new Resource(Dataplane.TYPE, ResourceMeta.of(mesh, name, labels), spec);
  }

  /** The JDK's PKIX validation of {@code leaf} against {@code ca} as the only trust anchor, at {@code at}. */
  static void pkix(X509Certificate ca, X509Certificate leaf, Instant at) throws Exception {
    PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
    params.setRevocationEnabled(false);
    params.setDate(Date.from(at));
    CertPathValidator.getInstance("PKIX").validate(
        CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), params);
  }

  /**
   * {@code openssl verify -CAfile <ca> -purpose <purpose> -attime <at> <leaf>} must say OK; skipped
   * with a message when openssl is not installed.
   */
  static void opensslVerifies(Path dir, String caPem, String leafPem, String purpose, Instant at) throws Exception {
    Assumptions.assumeTrue(run(List.of("openssl", "version")).startsWith("0:"),
        "openssl is not installed; skipping the independent openssl check");
    Path ca = Files.writeString(dir.resolve("ca.pem"), caPem);
    Path leaf = Files.writeString(dir.resolve("leaf.pem"), leafPem);
    String out = run(List.of("openssl", "verify", "-CAfile", ca.toString(), "-purpose", purpose,
        "-attime", Long.toString(at.getEpochSecond()), leaf.toString()));
    assertThat(out).as("openssl verify").isEqualTo("0:" + leaf + ": OK\n");
  }

  /** {@code <exit code>:<output>} of a command, or {@code -1:<reason>} when it cannot run. */
  private static String run(List<String> cmd) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "-1:timed out";
      }
      return p.exitValue() + ":" + out;
    } catch (IOException e) {
      return "-1:" + e.getMessage();
    }
  }

  static X509Certificate leaf(String chainPem) {
    return Pem.certificates(chainPem).get(0);
  }

  static List<String> uris(X509Certificate cert) throws Exception {
    return cert.getSubjectAlternativeNames().stream()
        .filter(san -> (Integer) san.get(0) == 6)
        .map(san -> (String) san.get(1))
        .toList();
  }
}
