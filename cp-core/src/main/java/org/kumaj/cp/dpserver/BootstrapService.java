package org.kumaj.cp.dpserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.tls.ServerTls;
import org.kumaj.cp.tokens.InvalidTokenException;
import org.kumaj.cp.xds.ProxyAuthenticator;
import org.kumaj.cp.xds.ProxyId;
import org.kumaj.cp.xds.XdsProtos;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.codec.Json;
import org.kumaj.model.codec.ResourceDecodeException;
import org.kumaj.model.codec.UniversalCodec;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.validation.MetaValidation;
import org.kumaj.model.validation.ValidationException;
import org.kumaj.model.validation.Violations;
import org.kumaj.pki.Pem;

/**
 * Answers {@code POST /bootstrap} as Kuma's bootstrap generator does: validates the request and the
 * token, finds the Dataplane (posted by kuma-dp or stored), checks that the host kuma-dp dialled is
 * in the control plane's certificate, and renders the Envoy bootstrap. Errors use Kuma's codes: 422
 * for a missing token or an invalid Dataplane, 404 for an unknown mesh or Dataplane, 400 for a host
 * or CA mismatch, 401 for a token that is not valid. Thread-safe.
 */
@Singleton
@Requires(property = "kumaj.listeners.dp-server.port")
final class BootstrapService {
  static final String DP_TOKEN_REQUIRED = "Dataplane Token is required. Generate token using 'kumactl generate "
      + "dataplane-token > /path/file' and provide it via --dataplane-token-file=/path/file argument to Kuma DP";
  static final String NOT_CA = "A data plane proxy is trying to verify the control plane using the certificate "
      + "which is not a certificate authority (basic constraint 'CA' is set to 'false').\nProvide CA that was used "
      + "to sign a certificate used in the control plane by using 'kuma-dp run --ca-cert-file=file' or via "
      + "KUMA_CONTROL_PLANE_CA_CERT_FILE";

  private final ResourceManager manager;
  private final ProxyAuthenticator authenticator;
  private final KumaConfig config;
  private final String cpCertificatePem;
  private final List<String> cpHosts;

  BootstrapService(ResourceManager manager, ProxyAuthenticator authenticator, KumaConfig config, ServerTls tls) {
    this.manager = manager;
    this.authenticator = authenticator;
    this.config = config;
    try {
      this.cpCertificatePem = Files.readString(tls.certFile());
      X509Certificate cert = Pem.certificates(cpCertificatePem).get(0);
      this.cpHosts = subjectAltNames(cert);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + tls.certFile(), e);
    }
  }

  /** The rendered bootstrap: Envoy YAML and Kuma's JSON envelope. */
  record Result(String yaml, ObjectNode json) {}

  /**
   * Generates the bootstrap for {@code body}, sent to host {@code host}.
   *
   * @throws BootstrapException with Kuma's status and text when the request is refused
   */
  Result generate(String body, String host) {
    BootstrapRequest request = parse(body);
    if (request.mesh() == null || request.mesh().isEmpty() || request.name() == null || request.name().isEmpty()) {
      throw new BootstrapException(422, "mesh: cannot be empty; name: cannot be empty");
    }
    String who = "Dataplane " + request.mesh() + "." + request.name();
    if (!request.proxyTypeOrDefault().equals("dataplane")) {
      throw new BootstrapException(422, "proxyType: zone proxies are not supported by this control plane yet",
          who + ": proxyType " + request.proxyTypeOrDefault() + " is not supported");
    }
    if (authenticator.credentialRequired() && (request.dataplaneToken() == null || request.dataplaneToken().isEmpty())) {
      throw new BootstrapException(422, DP_TOKEN_REQUIRED, who + ": no dataplane token");
    }
    ProxyId id = new ProxyId(request.mesh(), request.name());
    if (manager.get(ResourceKey.global(Mesh.TYPE, request.mesh())).isEmpty()) {
      throw new BootstrapException(404, "", who + ": mesh \"" + request.mesh() + "\" does not exist");
    }
    Resource dataplane = dataplane(request, id);
    try {
      authenticator.authenticate(request.dataplaneToken(), id, dataplane);
    } catch (InvalidTokenException e) {
      throw new BootstrapException(401, "invalid dataplane token: " + e.getMessage(),
          who + ": invalid dataplane token: " + e.getMessage());
    }
    String xdsHost = xdsHost(host, who);
    String trustedCa = trustedCa(request);
    Bootstrap bootstrap = EnvoyBootstrap.build(new EnvoyBootstrap.Params(id.toString(), service(dataplane),
        metadata(request, dataplane), xdsHost, xdsPort(), config.duration("bootstrapServer.params.xdsConnectTimeout"),
        request.dataplaneToken() == null ? "" : request.dataplaneToken(), trustedCa,
        config.string("bootstrapServer.params.adminAddress"), adminPort(dataplane),
        "/tmp/kuma-al-" + id.name() + "-" + id.mesh() + ".sock",
        request.features() != null && request.features().contains("feature-delta-grpc")));
    String yaml = XdsProtos.toYaml(bootstrap);
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("bootstrap", Base64.getEncoder().encodeToString(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    ObjectNode sidecar = json.putObject("kumaSidecarConfiguration");
    sidecar.putObject("networking").put("address", address(dataplane));
    sidecar.putObject("metrics").putArray("aggregate");
    return new Result(yaml, json);
  }

  private static BootstrapRequest parse(String body) {
    try {
      BootstrapRequest request = Json.mapper().readValue(body == null ? "" : body, BootstrapRequest.class);
      if (request == null) {
        throw new BootstrapException(400, "", "the request body is empty");
      }
      return request;
    } catch (JsonProcessingException e) {
      throw new BootstrapException(400, "", "the request body is not a bootstrap request: " + e.getOriginalMessage());
    }
  }

  /** The Dataplane kuma-dp posted (validated), or the stored one. */
  private Resource dataplane(BootstrapRequest request, ProxyId id) {
    if (request.dataplaneResource() != null && !request.dataplaneResource().isEmpty()) {
      try {
        JsonNode node = Json.yaml().readTree(request.dataplaneResource());
        if (node == null || !node.isObject() || !"Dataplane".equals(node.path("type").asText())) {
          throw new BootstrapException(422, "dataplaneResource: must be a Dataplane",
              "Dataplane " + id + ": the dataplaneResource is not a Dataplane");
        }
        Resource posted = UniversalCodec.decode(Dataplane.TYPE, node);
        Violations v = new Violations();
        MetaValidation.meta(Dataplane.TYPE, posted.meta(), v);
        Dataplane.TYPE.validator().validate(posted.meta(), posted.spec(), v);
        if (!posted.meta().name().equals(id.name()) || !id.mesh().equals(posted.meta().mesh())) {
          v.add("name", "name and mesh of the dataplane resource must match the request");
        }
        v.throwIfAny();
        return posted;
      } catch (ValidationException e) {
        throw new BootstrapException(422, e.getMessage(), "Dataplane " + id + " is invalid: " + oneLine(e.getMessage()));
      } catch (ResourceDecodeException e) {
        throw new BootstrapException(422, e.getMessage(), "Dataplane " + id + " is invalid: " + oneLine(e.getMessage()));
      } catch (JsonProcessingException e) {
        throw new BootstrapException(422, "dataplaneResource: " + e.getOriginalMessage(),
            "Dataplane " + id + ": the dataplaneResource does not parse: " + oneLine(e.getOriginalMessage()));
      }
    }
    Optional<Resource> stored = manager.get(new ResourceKey(Dataplane.TYPE, id.mesh(), id.name()));
    return stored.orElseThrow(() -> new BootstrapException(404, "", "Dataplane " + id + " does not exist"));
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').strip();
  }

  private String xdsHost(String host, String who) {
    String configured = config.string("bootstrapServer.params.xdsHost");
    if (!configured.isEmpty()) {
      return configured;
    }
    if (!cpHosts.contains(host)) {
      throw new BootstrapException(400, "A data plane proxy is trying to connect to the control plane using \""
          + host + "\" address, but the certificate in the control plane has the following SANs " + quoted(cpHosts)
          + ". Either change the --cp-address in kuma-dp to one of those or execute the following steps:\n"
          + "1) Generate a new certificate with the address you are trying to use. It is recommended to use trusted "
          + "Certificate Authority, but you can also generate self-signed certificates using 'kumactl generate "
          + "tls-certificate --type=server --hostname=" + host + "'\n2) Set KUMA_GENERAL_TLS_CERT_FILE and "
          + "KUMA_GENERAL_TLS_KEY_FILE or the equivalent in Kuma CP config file to the new certificate.\n"
          + "3) Restart the control plane to read the new certificate and start kuma-dp.",
          who + ": it dialled \"" + host + "\", which is not among the control plane certificate's SANs " + quoted(cpHosts));
    }
    return host;
  }

  private String trustedCa(BootstrapRequest request) {
    if (request.caCert() == null || request.caCert().isEmpty()) {
      return cpCertificatePem;
    }
    try {
      X509Certificate ca = Pem.certificates(request.caCert()).get(0);
      if (ca.getBasicConstraints() < 0) {
        throw new BootstrapException(400, NOT_CA);
      }
      return request.caCert();
    } catch (IllegalArgumentException e) {
      throw new BootstrapException(400, "could not parse certificate");
    }
  }

  private int xdsPort() {
    int configured = config.integer("bootstrapServer.params.xdsPort");
    return configured != 0 ? configured : config.integer("dpServer.port");
  }

  private int adminPort(Resource dataplane) {
    Dataplane.Networking net = dataplane.spec(Dataplane.class).networking();
    if (net != null && net.admin() != null && net.admin().port() != null && net.admin().port() > 0) {
      return net.admin().port();
    }
    return config.integer("bootstrapServer.params.adminPort");
  }

  private static String service(Resource dataplane) {
    Dataplane.Networking net = dataplane.spec(Dataplane.class).networking();
    if (net != null && net.gateway() != null && net.gateway().tags() != null) {
      return net.gateway().tags().getOrDefault("kuma.io/service", "");
    }
    if (net != null && net.inbound() != null && !net.inbound().isEmpty()) {
      return net.inbound().get(0).service();
    }
    return "";
  }

  private static String address(Resource dataplane) {
    Dataplane.Networking net = dataplane.spec(Dataplane.class).networking();
    return net == null || net.address() == null ? "" : net.address();
  }

  private Struct metadata(BootstrapRequest request, Resource dataplane) {
    ObjectNode m = Json.mapper().createObjectNode();
    m.put("dataplane.proxyType", request.proxyTypeOrDefault());
    m.set("features", Json.mapper().valueToTree(request.features() == null ? List.of() : request.features()));
    m.put("ipv6Enabled", Boolean.TRUE.equals(request.ipv6Enabled()));
    m.put("metricsCertPath", request.metricsResources() == null ? "" : nullToEmpty(request.metricsResources().certPath()));
    m.put("metricsKeyPath", request.metricsResources() == null ? "" : nullToEmpty(request.metricsResources().keyPath()));
    m.put("spireAgent.socketPath", "");
    m.put("systemCaPath", nullToEmpty(request.systemCaPath()));
    m.set("version", BootstrapRequest.versionNode(request.version(), Json.mapper()));
    m.put("workdir", nullToEmpty(request.workdir()));
    int admin = adminPort(dataplane);
    if (admin > 0) {
      m.put("dataplane.admin.port", Integer.toString(admin));
      m.put("dataplane.admin.address", config.string("bootstrapServer.params.adminAddress"));
    }
    if (request.readinessPort() != null && request.readinessPort() > 0) {
      m.put("dataplane.readinessReporter.port", Integer.toString(request.readinessPort()));
    }
    if (request.dnsPort() != null && request.dnsPort() > 0) {
      m.put("dataplane.dns.port", Integer.toString(request.dnsPort()));
    }
    if (request.appProbeProxyEnabled() != null) {
      m.put("dataplane.appProbeProxy.enabled", request.appProbeProxyEnabled().toString());
    }
    if (request.dataplaneResource() != null && !request.dataplaneResource().isEmpty()) {
      m.put("dataplane.resource", UniversalCodec.encode(dataplane).toString());
    }
    if (request.dynamicMetadata() != null && !request.dynamicMetadata().isEmpty()) {
      m.set("dynamicMetadata", Json.mapper().valueToTree(request.dynamicMetadata()));
    }
    Struct.Builder struct = Struct.newBuilder();
    try {
      JsonFormat.parser().merge(m.toString(), struct);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("node metadata is not a Struct", e);
    }
    return struct.build();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String quoted(List<String> items) {
    return "[" + String.join(" ", items.stream().map(i -> "\"" + i + "\"").toList()) + "]";
  }

  private static List<String> subjectAltNames(X509Certificate cert) {
    try {
      var sans = cert.getSubjectAlternativeNames();
      if (sans == null) {
        return List.of();
      }
      return sans.stream().map(san -> String.valueOf(san.get(1))).toList();
    } catch (java.security.cert.CertificateParsingException e) {
      return List.of();
    }
  }
}
