package org.kumaj.cp.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.pki.Pem;

/**
 * Helpers of the xds tests that run a whole {@link TestControlPlane} and talk to its data-plane
 * server: the certificate to trust, resources put through the API, and waiting for a condition.
 */
final class XdsTestSupport {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private XdsTestSupport() {}

  /** The control plane's self-signed server certificate, written to {@code kuma-cp.crt} in its work directory. */
  static X509Certificate controlPlaneCertificate(Path workDir) throws IOException {
    return Pem.certificates(Files.readString(workDir.resolve("kuma-cp.crt"))).get(0);
  }

  /** PUTs {@code body} at {@code path} of {@code cp}'s API and asserts it was created or updated (200 or 201). */
  static void put(TestControlPlane cp, String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(cp.apiUrl() + path))
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
  }

  /** Checks {@code condition} every 20 ms until it holds; fails once {@code deadline} has passed. */
  static void poll(Duration deadline, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("condition not met within " + deadline);
  }
}
