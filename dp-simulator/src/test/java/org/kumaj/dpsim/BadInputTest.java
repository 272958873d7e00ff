package org.kumaj.dpsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.dpsim.RealControlPlane.DEADLINE;
import static org.kumaj.dpsim.RealControlPlane.poll;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.tokens.JwtTokens;
import org.kumaj.cp.tokens.SigningKeys;
import org.kumaj.cp.xds.ConnectedProxies;
import org.kumaj.dpsim.RealControlPlane.Dp;

/**
 * Issue 6, "Bad input", against our real control plane over its sockets: an unknown mesh, a
 * Dataplane failing validation, wrong / expired / revoked / foreign tokens, garbage on the TLS port
 * and on gRPC, a flood of reconnecting clients and a client that NACKs everything. In every case the
 * control plane stays up, a proxy connected all along still gets updates, and the cause is logged in
 * exactly one clear line (logback configured from cp-core's shipped {@code logback.xml}).
 */
class BadInputTest {
  private static final String MESH = "bad";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path workDir;
  static RealControlPlane cp;
  static LogCapture logs;
  static SimulatedProxy witness;
  static int extraTargets;

  @BeforeAll
  static void start() throws Exception {
    logs = LogCapture.productionConfig();
    cp = RealControlPlane.start(workDir, Map.of());
    cp.putMesh(MESH, null);
    cp.putMesh("other", null);
    cp.putDataplane(MESH, Dp.of("witness-1", "10.9.0.1", "witness", Map.of("target", 10001)));
    cp.putDataplane(MESH, Dp.of("target-0", "10.9.1.0", "target", Map.of()));
    cp.putDataplane(MESH, Dp.of("victim-1", "10.9.0.2", "victim", Map.of("target", 10001)));
    cp.putDataplane("other", Dp.of("victim-1", "10.9.0.2", "victim", Map.of()));
    witness = cp.connect(MESH, "witness-1", AdsMode.SOTW);
    witness.await(Condition.graphComplete(), DEADLINE);
  }

  @AfterAll
  static void stop() {
    try {
      if (cp != null) {
        cp.close();
      }
    } finally {
      logs.close();
    }
  }

  @BeforeEach
  void clearLogs() {
    logs.clear();
  }

  @Test
  void anUnknownMeshIsRefusedAtBootstrapAndOnAds() throws Exception {
    assertThatThrownBy(() -> cp.bootstrapClient().fetch(cp.request("nomesh", "dp-1", "some-token", AdsMode.SOTW)
        .build())).isInstanceOfSatisfying(BootstrapException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertOneLine("bootstrap request from .* refused \\(404\\): Dataplane nomesh\\.dp-1: mesh \"nomesh\" does not exist");

    SimulatedProxy proxy = cp.connectRaw("nomesh.dp-1", "some-token", o -> o);
    assertRefused(proxy, Status.Code.NOT_FOUND);
    assertOneLine("ADS stream \\d+ of nomesh\\.dp-1 from /127\\.0\\.0\\.1:\\d+ refused \\(NOT_FOUND\\): mesh \"nomesh\" does not exist");
  }

  @Test
  void aDataplaneFailingValidationIsRefusedAtBootstrapAndOnAds() throws Exception {
    String invalid = "{\"type\":\"Dataplane\",\"mesh\":\"bad\",\"name\":\"broken-1\",\"networking\":{\"address\":"
        + "\"10.9.2.1\",\"inbound\":[{\"port\":0,\"tags\":{}}]}}";
    String token = token(Map.of("Name", "broken-1", "Mesh", MESH), Duration.ofHours(1), Clock.systemUTC());
    assertThatThrownBy(() -> cp.bootstrapClient().fetch(cp.request(MESH, "broken-1", token, AdsMode.SOTW)
        .dataplaneResource(invalid).build()))
        .isInstanceOfSatisfying(BootstrapException.class, e -> assertThat(e.status()).isEqualTo(422));
    assertOneLine("bootstrap request from .* refused \\(422\\): Dataplane bad\\.broken-1 is invalid: .*");

    Struct metadata = Struct.newBuilder().putFields("dataplane.resource",
        Value.newBuilder().setStringValue(invalid).build()).build();
    SimulatedProxy proxy = cp.connectRaw("bad.broken-1", token, o -> o.metadata(metadata));
    assertRefused(proxy, Status.Code.INVALID_ARGUMENT);
    assertOneLine("ADS stream \\d+ of bad\\.broken-1 from /127\\.0\\.0\\.1:\\d+ refused \\(INVALID_ARGUMENT\\): the Dataplane it passed is "
        + "invalid: .*");
  }

  @Test
  void proxiesWithoutAValidTokenNeverReachTheirConfiguration() throws Exception {
    String valid = cp.token(MESH, "victim-1");
    String revoked = cp.token(MESH, "victim-1");
    String jti = JSON.readTree(Base64.getUrlDecoder().decode(revoked.split("\\.")[1])).path("jti").asText();
    cp.put("/meshes/bad/secrets/dataplane-token-revocations-bad", "{\"type\":\"Secret\",\"mesh\":\"bad\",\"name\":"
        + "\"dataplane-token-revocations-bad\",\"data\":\"" + Base64.getEncoder().encodeToString(
        jti.getBytes(StandardCharsets.US_ASCII)) + "\"}");
    Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
    record Case(String name, String token, Status.Code code, String reason) {}
    List<Case> cases = List.of(
        new Case("no token", null, Status.Code.UNAUTHENTICATED, "no dataplane token"),
        new Case("garbage", "not-a-jwt", Status.Code.PERMISSION_DENIED, "token is malformed.*"),
        new Case("forged", valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA", Status.Code.PERMISSION_DENIED,
            "token signature is invalid.*"),
        new Case("expired", token(Map.of("Name", "victim-1", "Mesh", MESH), Duration.ofHours(1), twoHoursAgo),
            Status.Code.PERMISSION_DENIED, "token has invalid claims: token is expired"),
        new Case("revoked", revoked, Status.Code.PERMISSION_DENIED, "token is revoked"),
        new Case("another name", cp.token(MESH, "witness-1"), Status.Code.PERMISSION_DENIED,
            "the token is for name \"witness-1\", not \"victim-1\""),
        new Case("another mesh", cp.token("other", "victim-1"), Status.Code.PERMISSION_DENIED,
            "token signature is invalid.*"),
        new Case("other tags", token(Map.of("Name", "victim-1", "Mesh", MESH, "Tags",
            Map.of("kuma.io/service", List.of("someone-else"))), Duration.ofHours(1), Clock.systemUTC()),
            Status.Code.PERMISSION_DENIED, "the token does not allow kuma.io/service=victim"));
    for (Case c : cases) {
      logs.clear();
      SimulatedProxy proxy = cp.connectRaw("bad.victim-1", c.token(), o -> o);
      assertRefused(proxy, c.code());
      assertOneLine("ADS stream \\d+ of bad\\.victim-1 from /127\\.0\\.0\\.1:\\d+ refused \\(" + c.code() + "\\): " + c.reason());
    }
    // the valid token still works, for the same Dataplane
    SimulatedProxy victim = cp.connect(cp.bootstrapClient().fetch(cp.request(MESH, "victim-1", valid, AdsMode.SOTW)
        .build()), o -> o);
    victim.await(Condition.graphComplete(), DEADLINE);
    cp.simulator().closeProxies(List.of(victim));
    // and a bad token is also refused at bootstrap, in one line
    logs.clear();
    assertThatThrownBy(() -> cp.bootstrapClient().fetch(cp.request(MESH, "victim-1", revoked, AdsMode.SOTW).build()))
        .isInstanceOfSatisfying(BootstrapException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertOneLine("bootstrap request from .* refused \\(401\\): Dataplane bad\\.victim-1: invalid dataplane token: "
        + "token is revoked");
  }

  @Test
  void bytesThatAreNotTlsOnTheDataPlanePort() throws Exception {
    try (Socket s = new Socket("127.0.0.1", cp.dpPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write("GET /bootstrap HTTP/1.1\r\nHost: x\r\n\r\n\u0000\u0001\u0002garbage".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertClosedByServer(s.getInputStream());
    }
    assertOneLine("connection from .* is not TLS \\(its first bytes are no TLS record\\); closing it");
  }

  @Test
  void aClientThatDoesNotTrustTheControlPlaneCertificate() throws Exception {
    SSLContext untrusting = SSLContext.getInstance("TLS");
    untrusting.init(null, null, null); // the JDK's trust store: our self-signed certificate is not in it
    try (SSLSocket s = (SSLSocket) untrusting.getSocketFactory().createSocket("127.0.0.1", cp.dpPort())) {
      s.setSoTimeout(10_000);
      assertThatThrownBy(s::startHandshake).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }
    assertOneLine("TLS handshake with /127\\.0\\.0\\.1:\\d+ failed: .*certificate_unknown.*");
  }

  @Test
  void garbageAfterTheTlsHandshakeOnTheBootstrapSide() throws Exception {
    try (SSLSocket s = tlsSocket("http/1.1")) {
      OutputStream out = s.getOutputStream();
      out.write("\u0016\u0003garbage that is no HTTP request\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(answer).startsWith("HTTP/1.1 400");
    }
    assertOneLine("malformed HTTP request from .* on the data-plane server: .*; closing the connection");
  }

  @Test
  void garbageInsteadOfHttp2OnTheGrpcSide() throws Exception {
    try (SSLSocket s = tlsSocket("h2")) {
      assertThat(s.getApplicationProtocol()).isEqualTo("h2");
      OutputStream out = s.getOutputStream();
      out.write("this is not the HTTP/2 connection preface, not at all".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertClosedByServer(s.getInputStream());
    }
    assertOneLine("connection from .* negotiated HTTP/2 but did not start with the HTTP/2 preface \\(not a gRPC "
        + "client\\); closing it");
  }

  @Test
  void aMalformedDiscoveryRequestOnTheAdsStream() throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", cp.dpPort())
        .sslContext(GrpcSslContexts.forClient().trustManager(cp.caCertificates().toArray(
            new java.security.cert.X509Certificate[0])).build())
        .build();
    try {
      MethodDescriptor<byte[], byte[]> ads = MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.BIDI_STREAMING)
          .setFullMethodName("envoy.service.discovery.v3.AggregatedDiscoveryService/StreamAggregatedResources")
          .setRequestMarshaller(new Bytes()).setResponseMarshaller(new Bytes()).build();
      ClientCall<byte[], byte[]> call = channel.newCall(ads, CallOptions.DEFAULT);
      CompletableFuture<Status> closed = new CompletableFuture<>();
      call.start(new ClientCall.Listener<>() {
        @Override
        public void onClose(Status status, Metadata trailers) {
          closed.complete(status);
        }
      }, new Metadata());
      call.request(1);
      // field 1 (version_info) claims 100 bytes and ends after 3: not a DiscoveryRequest
      call.sendMessage(new byte[] {0x0a, 0x64, 0x01, 0x02, 0x03});
      Status status = closed.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(status.getDescription()).startsWith("malformed discovery request");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    assertOneLine("ADS stream from /127\\.0\\.0\\.1:\\d+ sent bytes that are no discovery request \\(While parsing "
        + "a protocol message, the input ended unexpectedly.*\\); closing it");
  }

  @Test
  void aFloodOfReconnectingClientsLeavesNothingBehind() throws Exception {
    int dataplanes = 20;
    int rounds = 5;
    for (int i = 0; i < dataplanes; i++) {
      cp.putDataplane(MESH, Dp.of("flood-" + i, "10.9.3." + (i + 1), "flood", Map.of("target", 10001)));
    }
    List<BootstrapResult> bootstraps = new ArrayList<>();
    for (int i = 0; i < dataplanes; i++) {
      bootstraps.add(cp.bootstrap(MESH, "flood-" + i, i % 2 == 0 ? AdsMode.SOTW : AdsMode.DELTA));
    }
    logs.clear();
    List<CompletableFuture<Void>> clients = new ArrayList<>();
    for (BootstrapResult b : bootstraps) {
      clients.add(CompletableFuture.runAsync(() -> {
        for (int r = 0; r < rounds; r++) {
          SimulatedProxy p = cp.connect(b, o -> o.retainPayloads(false));
          if (r % 2 == 0) {
            p.await(Condition.graphComplete(), DEADLINE);
          }
          cp.simulator().closeProxies(List.of(p)); // half of them leave before their config arrived
        }
      }));
    }
    // and refused clients hammering at the same time: one line each
    for (int i = 0; i < 10; i++) {
      assertRefused(cp.connectRaw("bad.flood-" + i, "not-a-jwt", o -> o), Status.Code.PERMISSION_DENIED);
    }
    CompletableFuture.allOf(clients.toArray(new CompletableFuture[0])).get(2 * DEADLINE.toSeconds(), TimeUnit.SECONDS);

    ConnectedProxies connected = cp.cp().bean(ConnectedProxies.class);
    @SuppressWarnings("unchecked")
    SimpleCache<String> cache = cp.cp().bean(SimpleCache.class);
    poll("only the witness is connected and has a snapshot", () -> connected.size() == 1
        && cache.groups().equals(java.util.Set.of("bad.witness-1")));
    othersStillServed();
    List<LogCapture.Line> warnings = logs.atLeast(Level.WARN);
    assertThat(warnings).as("one line per refused client, nothing for the clients that came and went")
        .hasSize(10)
        .allMatch(l -> l.message().matches("ADS stream \\d+ of bad\\.flood-\\d from /127\\.0\\.0\\.1:\\d+ refused \\(PERMISSION_DENIED\\): "
            + "token is malformed.*"));
  }

  @Test
  void aClientThatNacksEverythingIsBackedOffAndLoggedOnce() throws Exception {
    cp.putDataplane(MESH, Dp.of("nacker-1", "10.9.4.1", "nacker", Map.of("target", 10001)));
    BootstrapResult b = cp.bootstrap(MESH, "nacker-1", AdsMode.SOTW);
    logs.clear();
    SimulatedProxy nacker = cp.connect(b, o -> o.nackPolicy(NackPolicy.always("simulated: rejects everything")));
    long start = System.nanoTime();
    poll("the nacker rejected six responses", () -> nacker.nacks() >= 6);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    // clusters and listeners are rejected in parallel; each resend waits the 1 s backoff
    assertThat(took).as("no hot loop").isGreaterThanOrEqualTo(Duration.ofMillis(1800));
    assertThat(nacker.acks()).isZero();
    assertThat(nacker.failure()).as("the control plane keeps the stream").isEmpty();
    othersStillServed();
    List<LogCapture.Line> warnings = logs.atLeast(Level.WARN);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).message()).matches("bad\\.nacker-1 rejected the \\w+ configuration it was sent "
        + "\\(version .*\\): simulated: rejects everything; resending after the NACK backoff");
    poll("the insight counts the rejections", () -> {
      try {
        return cp.get("/meshes/bad/dataplanes+insights/nacker-1").at("/dataplaneInsight/subscriptions/0/status/total/"
            + "responsesRejected").asInt() >= 4;
      } catch (IOException e) {
        return false;
      }
    });
    cp.simulator().closeProxies(List.of(nacker));
  }

  // ---------------------------------------------------------------------------------------------

  /** A dataplane token signed with the mesh's signing key, issued at {@code clock}'s time. */
  private static String token(Map<String, Object> claims, Duration validFor, Clock clock) {
    SigningKeys keys = new SigningKeys(cp.cp().bean(ResourceManager.class));
    Map<String, Object> all = new java.util.HashMap<>(Map.of("Type", "dataplane", "Tags", Map.of()));
    all.putAll(claims);
    return new JwtTokens(clock).issue(keys.latest(SigningKeys.dataplanePrefix(MESH), MESH).orElseThrow(), all,
        validFor);
  }

  private static SSLSocket tlsSocket(String alpn) throws Exception {
    java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("cp", cp.caCertificates().get(0));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    SSLSocket s = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", cp.dpPort());
    s.setSoTimeout(10_000);
    SSLParameters params = s.getSSLParameters();
    params.setApplicationProtocols(new String[] {alpn});
    s.setSSLParameters(params);
    s.startHandshake();
    return s;
  }

  private static void assertClosedByServer(InputStream in) {
    try {
      assertThat(in.read()).as("the server closes the connection").isEqualTo(-1);
    } catch (java.net.SocketException closed) {
      // reset by the server: closed as well
    } catch (IOException e) {
      throw new AssertionError("the server did not close the connection", e);
    }
  }

  /** The proxy's stream ends with {@code code} before any configuration arrived. */
  private static void assertRefused(SimulatedProxy proxy, Status.Code code) {
    assertThatThrownBy(() -> proxy.await(Condition.acked(XdsType.CLUSTER), DEADLINE))
        .isInstanceOf(ProxyStreamException.class);
    assertThat(proxy.responses()).as("no configuration before the refusal").isZero();
    assertThat(Status.fromThrowable(proxy.failure().orElseThrow().getCause()).getCode()).isEqualTo(code);
    cp.simulator().closeProxies(List.of(proxy));
  }

  /**
   * The witness (connected all along) still gets a new endpoint, and since the last {@link
   * LogCapture#clear()} exactly one line at INFO or above was logged, matching {@code regex}.
   */
  private static void assertOneLine(String regex) {
    Pattern p = Pattern.compile(regex);
    poll("a log line matching " + regex, () -> !logs.matching(l -> p.matcher(l.message()).matches()).isEmpty());
    othersStillServed();
    List<LogCapture.Line> lines = logs.atLeast(Level.INFO);
    assertThat(lines).as("exactly one line for the cause").hasSize(1);
    assertThat(lines.get(0).message()).matches(p);
    logs.clear();
  }

  /** A new instance of the witness's outbound service reaches the witness. */
  private static void othersStillServed() {
    int n = ++extraTargets;
    Dp target = Dp.of("target-" + n, "10.9.1." + n, "target", Map.of());
    try {
      cp.putDataplane(MESH, target);
    } catch (IOException e) {
      throw new AssertionError("the API of the control plane does not answer", e);
    }
    witness.await(Condition.hasEndpoint("target", target.endpoint()), DEADLINE);
    assertThat(witness.failure()).isEmpty();
  }

  /** Bytes as they are. */
  private static final class Bytes implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
