package org.kumaj.model.mesh;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.system.NameDeprecations;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's {@code MeshResource.Validate} plus the DNS-1035 name deprecation warning. */
final class MeshValidator implements SpecValidator<Mesh> {
  /** Kuma's {@code ValidatePort} of the mesh package (a different message from the shared one). */
  static final String PORT_RANGE = "port must be in the range [1, 65535]";
  private static final Pattern ROTATION = Pattern.compile("^(\\d+)(y|w|d|h|m|s|ms)$");
  private static final int ALLOWED_MTLS_BACKENDS = 1;

  @Override
  public void validate(ResourceMeta meta, Mesh spec, Violations out) {
    NameDeprecations.warnIfNotDns1035(Mesh.TYPE.name(), meta, out);
    validateMtls(FieldPath.of("mtls"), spec.mtls(), out);
    validateLogging(FieldPath.of("logging"), spec.logging(), out);
    validateTracing(FieldPath.of("tracing"), spec.tracing(), out);
    validateMetrics(FieldPath.of("metrics"), spec.metrics(), out);
    validateConstraints(FieldPath.of("constraints"), spec.constraints(), out);
    if (spec.routing() != null && Boolean.TRUE.equals(spec.routing().zoneEgress()) && !spec.mtlsEnabled()) {
      out.add("mtls", "has to be set when zoneEgress enabled");
    }
    if (spec.meshServices() != null) {
      ProtoEnum.MESH_SERVICES_MODE.check(FieldPath.of("meshServices").field("mode"),
          spec.meshServices().mode(), out);
    }
  }

  /** Kuma's {@code ParseDuration} of certificate rotation: {@code 0} or digits and one unit. */
  static boolean isRotationDuration(String text) {
    return "0".equals(text) || (text != null && ROTATION.matcher(text).matches());
  }

  private static void validateMtls(FieldPath path, Mesh.Mtls mtls, Violations out) {
    if (mtls == null) {
      return;
    }
    List<CertificateAuthorityBackend> backends = orEmpty(mtls.backends());
    if (backends.size() > ALLOWED_MTLS_BACKENDS) {
      out.add(path.field("backends"), "cannot have more than " + ALLOWED_MTLS_BACKENDS + " backends");
    }
    Set<String> used = new HashSet<>();
    for (int i = 0; i < backends.size(); i++) {
      CertificateAuthorityBackend backend = backends.get(i);
      String name = orEmpty(backend.name());
      if (!used.add(name)) {
        out.add(path.field("backends").index(i).field("name"), alreadyUsed(name));
      }
      if (backend.dpCert() != null) {
        String expiration = backend.dpCert().rotation() == null
            ? "" : orEmpty(backend.dpCert().rotation().expiration());
        if (!isRotationDuration(expiration)) {
          out.add(path.field("dpcert.rotation.expiration"), "has to be a valid format");
        }
      }
      ProtoEnum.CA_MODE.check(path.field("backends").index(i).field("mode"), backend.mode(), out);
    }
    String enabled = orEmpty(mtls.enabledBackend());
    if (!enabled.isEmpty() && !used.contains(enabled)) {
      out.add(path.field("enabledBackend"), "has to be set to one of the backends in the mesh");
    }
  }

  private static void validateLogging(FieldPath path, Mesh.Logging logging, Violations out) {
    if (logging == null) {
      return;
    }
    Set<String> used = new HashSet<>();
    List<Mesh.LoggingBackend> backends = orEmpty(logging.backends());
    for (int i = 0; i < backends.size(); i++) {
      Mesh.LoggingBackend backend = backends.get(i);
      FieldPath at = path.field("backends").index(i);
      if (orEmpty(backend.name()).isEmpty()) {
        out.add(at.field("name"), "cannot be empty");
      }
      String type = orEmpty(backend.type());
      if (Mesh.LoggingBackend.FILE.equals(type)) {
        validateLoggingFile(at.field("config"), backend, out);
      } else if (Mesh.LoggingBackend.TCP.equals(type)) {
        validateLoggingTcp(at.field("config"), backend, out);
      } else {
        out.add(at.field("type"), "unknown backend type. Available backends: \"tcp\", \"file\"");
      }
      if (!used.add(orEmpty(backend.name()))) {
        out.add(at.field("name"), alreadyUsed(orEmpty(backend.name())));
      }
    }
    String defaultBackend = orEmpty(logging.defaultBackend());
    if (!defaultBackend.isEmpty() && !used.contains(defaultBackend)) {
      out.add(path.field("defaultBackend"), "has to be set to one of the logging backend in mesh");
    }
  }

  private static void validateLoggingFile(FieldPath path, Mesh.LoggingBackend backend, Violations out) {
    Mesh.FileLoggingBackendConfig cfg = parse(path, backend.conf(), Mesh.FileLoggingBackendConfig.class, out);
    if (cfg != null && orEmpty(cfg.path()).isEmpty()) {
      out.add(path.field("path"), "cannot be empty");
    }
  }

  private static void validateLoggingTcp(FieldPath path, Mesh.LoggingBackend backend, Violations out) {
    Mesh.TcpLoggingBackendConfig cfg = parse(path, backend.conf(), Mesh.TcpLoggingBackendConfig.class, out);
    if (cfg == null) {
      return;
    }
    String address = orEmpty(cfg.address());
    if (address.isEmpty()) {
      out.add(path.field("address"), "cannot be empty");
      return;
    }
    GoNet.HostPort hostPort = GoNet.splitHostPort(address);
    if (hostPort == null || hostPort.host().isEmpty() || hostPort.port().isEmpty()) {
      out.add(path.field("address"), "has to be in format of HOST:PORT");
    }
  }

  private static void validateTracing(FieldPath path, Mesh.Tracing tracing, Violations out) {
    if (tracing == null) {
      return;
    }
    Set<String> used = new HashSet<>();
    List<Mesh.TracingBackend> backends = orEmpty(tracing.backends());
    for (int i = 0; i < backends.size(); i++) {
      Mesh.TracingBackend backend = backends.get(i);
      FieldPath at = path.field("backends").index(i);
      if (orEmpty(backend.name()).isEmpty()) {
        out.add(at.field("name"), "cannot be empty");
      }
      double sampling = backend.sampling() == null ? 0.0 : backend.sampling();
      if (sampling < 0.0 || sampling > 100.0) {
        out.add(at.field("sampling"), "has to be in [0.0 - 100.0] range");
      }
      String type = orEmpty(backend.type());
      if (Mesh.TracingBackend.ZIPKIN.equals(type)) {
        validateZipkin(at.field("config"), backend, out);
      } else if (Mesh.TracingBackend.DATADOG.equals(type)) {
        validateDatadog(at.field("config"), backend, out);
      } else {
        out.add(at.field("type"), "unknown backend type. Available backends: \"zipkin\", \"datadog\"");
      }
      if (!used.add(orEmpty(backend.name()))) {
        out.add(at.field("name"), alreadyUsed(orEmpty(backend.name())));
      }
    }
    String defaultBackend = orEmpty(tracing.defaultBackend());
    if (!defaultBackend.isEmpty() && !used.contains(defaultBackend)) {
      out.add(path.field("defaultBackend"), "has to be set to one of the tracing backend in mesh");
    }
  }

  private static void validateDatadog(FieldPath path, Mesh.TracingBackend backend, Violations out) {
    Mesh.DatadogTracingBackendConfig cfg =
        parse(path, backend.conf(), Mesh.DatadogTracingBackendConfig.class, out);
    if (cfg == null) {
      return;
    }
    if (orEmpty(cfg.address()).isEmpty()) {
      out.add(path.field("address"), "cannot be empty");
    }
    validatePort(path.field("port"), cfg.port(), out);
  }

  private static void validateZipkin(FieldPath path, Mesh.TracingBackend backend, Violations out) {
    Mesh.ZipkinTracingBackendConfig cfg =
        parse(path, backend.conf(), Mesh.ZipkinTracingBackendConfig.class, out);
    if (cfg == null) {
      return;
    }
    String apiVersion = orEmpty(cfg.apiVersion());
    if (!apiVersion.isEmpty() && !List.of("httpJsonV1", "httpJson", "httpProto").contains(apiVersion)) {
      out.add(path.field("apiVersion"), "has invalid value. "
          + TagChecks.allowedValuesHint(List.of("httpJsonV1", "httpJson", "httpProto")));
    }
    String url = orEmpty(cfg.url());
    if (url.isEmpty()) {
      out.add(path.field("url"), "cannot be empty");
      return;
    }
    GoNet.RequestUri uri = GoNet.parseRequestUri(url);
    if (uri == null) {
      out.add(path.field("url"), "invalid URL");
    } else if (uri.port().isEmpty()) {
      out.add(path.field("url"), "port has to be explicitly specified");
    }
  }

  private static void validateMetrics(FieldPath path, Mesh.Metrics metrics, Violations out) {
    if (metrics == null) {
      return;
    }
    Set<String> used = new HashSet<>();
    List<MetricsBackend> backends = orEmpty(metrics.backends());
    for (int i = 0; i < backends.size(); i++) {
      MetricsBackend backend = backends.get(i);
      FieldPath at = path.field("backends").index(i);
      String name = orEmpty(backend.name());
      if (used.contains(name)) {
        out.add(at.field("name"), alreadyUsed(name));
      }
      if (!MetricsBackend.PROMETHEUS.equals(backend.type())) {
        out.add(at.field("type"), "unknown backend type. Available backends: \"prometheus\"");
      } else {
        validatePrometheusConfig(at.field("conf"), backend, out);
      }
      used.add(name);
    }
    String enabled = orEmpty(metrics.enabledBackend());
    if (!enabled.isEmpty() && !used.contains(enabled)) {
      out.add(path.field("enabledBackend"), "has to be set to one of the backends in the mesh");
    }
  }

  /** Kuma's {@code validatePrometheusConfig}, shared with Dataplane's metrics override. */
  static void validatePrometheusConfig(FieldPath path, MetricsBackend backend, Violations out) {
    PrometheusMetricsBackendConfig cfg =
        parse(path, backend.conf(), PrometheusMetricsBackendConfig.class, out);
    if (cfg == null) {
      return;
    }
    String mode = cfg.tls() == null ? null : cfg.tls().mode();
    String enumError = ProtoEnum.PROMETHEUS_TLS_MODE.error(mode);
    if (enumError != null) {
      out.add(path, "could not parse config: " + enumError);
      return;
    }
    if (cfg.skipMTLS() != null && cfg.tls() != null && !hasEqualConfiguration(cfg)) {
      out.add(path, "skipMTLS and tls configuration cannot be defined together");
      return;
    }
    String regex = cfg.envoy() == null ? "" : orEmpty(cfg.envoy().filterRegex());
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      out.add(path.field("envoy").field("filterRegex"),
          "provided regexp isn't correct: error parsing regexp: " + e.getDescription());
      return;
    }
    Set<String> used = new HashSet<>();
    List<PrometheusMetricsBackendConfig.Aggregate> aggregates = orEmpty(cfg.aggregate());
    for (int i = 0; i < aggregates.size(); i++) {
      String name = orEmpty(aggregates.get(i).name());
      if (!used.add(name)) {
        out.add(path.field("aggregate").index(i).field("name"),
            "duplicate entry: " + name + ", values have to be unique");
      }
    }
  }

  private static boolean hasEqualConfiguration(PrometheusMetricsBackendConfig cfg) {
    ProtoEnum tls = ProtoEnum.PROMETHEUS_TLS_MODE;
    return (!cfg.skipMTLS() && tls.is(cfg.tls().mode(), PrometheusMetricsBackendConfig.ACTIVE_MTLS_BACKEND))
        || (cfg.skipMTLS() && tls.is(cfg.tls().mode(), PrometheusMetricsBackendConfig.DISABLED));
  }

  private static void validateConstraints(FieldPath path, Mesh.Constraints constraints, Violations out) {
    if (constraints == null || constraints.dataplaneProxy() == null) {
      return;
    }
    FieldPath dpp = path.field("dataplaneProxy");
    TagChecks.Options opts = TagChecks.Options.NONE.withRequireAtLeastOneTag();
    List<Mesh.Rules> requirements = orEmpty(constraints.dataplaneProxy().requirements());
    for (int i = 0; i < requirements.size(); i++) {
      TagChecks.validateSelector(dpp.field("requirements").index(i).field("tags"),
          requirements.get(i).tags(), opts, out);
    }
    List<Mesh.Rules> restrictions = orEmpty(constraints.dataplaneProxy().restrictions());
    for (int i = 0; i < restrictions.size(); i++) {
      TagChecks.validateSelector(dpp.field("restrictions").index(i).field("tags"),
          restrictions.get(i).tags(), opts, out);
    }
  }

  /** Kuma's {@code ValidatePort} of the mesh package. */
  static void validatePort(FieldPath path, Integer port, Violations out) {
    if (port == null || port <= 0 || port > 65535) {
      out.add(path, PORT_RANGE);
    }
  }

  /** Reads a typed conf, adding Kuma's {@code could not parse config} at {@code path} on failure. */
  static <T> T parse(FieldPath path, com.fasterxml.jackson.databind.JsonNode conf, Class<T> type,
      Violations out) {
    try {
      return ProtoConf.read(conf, type);
    } catch (IllegalArgumentException e) {
      out.add(path, "could not parse config: " + e.getMessage());
      return null;
    }
  }

  private static String alreadyUsed(String name) {
    return GoStrings.quote(name) + " name is already used for another backend";
  }

  static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
