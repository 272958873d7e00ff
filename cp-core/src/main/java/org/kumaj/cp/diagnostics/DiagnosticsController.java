package org.kumaj.cp.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Produces;
import java.util.Map;
import org.kumaj.model.codec.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kuma's diagnostics server: {@code /healthy}, {@code /ready}, {@code /metrics} and the
 * {@code /logging} level overrides. Served only on the diagnostics port.
 */
@Controller(value = "/", port = "${kumaj.listeners.diagnostics.port}")
final class DiagnosticsController {
  private static final Logger LOG = LoggerFactory.getLogger("diagnostics");
  private static final int MAX_LOGGING_BODY = 4096;
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Readiness readiness;
  private final PrometheusMeterRegistry metrics;
  private final LogLevels logLevels;

  DiagnosticsController(Readiness readiness, PrometheusMeterRegistry metrics, LogLevels logLevels) {
    this.readiness = readiness;
    this.metrics = metrics;
    this.logLevels = logLevels;
  }

  @Get("/healthy")
  HttpResponse<?> healthy() {
    return HttpResponse.ok();
  }

  @Get("/ready")
  HttpResponse<?> ready() {
    return readiness.isReady() ? HttpResponse.ok() : HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE);
  }

  @Get("/metrics")
  @Produces(PROMETHEUS_TEXT)
  HttpResponse<String> metrics() {
    return HttpResponse.ok(metrics.scrape()).contentType(PROMETHEUS_TEXT);
  }

  @Get("/logging")
  HttpResponse<Map<String, Object>> listLogging() {
    return HttpResponse.ok(Map.of("components", logLevels.overrides()));
  }

  @Put(value = "/logging", consumes = MediaType.ALL)
  HttpResponse<?> setLogging(@Body String body) {
    if (body == null || body.length() > MAX_LOGGING_BODY) {
      return text(HttpStatus.BAD_REQUEST, "invalid request body");
    }
    JsonNode req;
    try {
      req = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      return text(HttpStatus.BAD_REQUEST, "invalid request body");
    }
    if (!(req instanceof ObjectNode)) {
      return text(HttpStatus.BAD_REQUEST, "invalid request body");
    }
    String component = req.path("component").asText("");
    String problem = LogLevels.validateComponent(component);
    if (problem != null) {
      return text(HttpStatus.BAD_REQUEST, problem);
    }
    String level = req.path("level").asText("");
    if (!LogLevels.isLevel(level)) {
      return text(HttpStatus.BAD_REQUEST, "invalid log level: unknown log level \"" + level + "\"");
    }
    if (!logLevels.set(component, level)) {
      return text(HttpStatus.TOO_MANY_REQUESTS,
          "maximum number of component overrides (" + LogLevels.MAX_OVERRIDES + ") reached");
    }
    LOG.info("component log level override set: component={} level={}", component, level);
    return HttpResponse.ok();
  }

  @Delete("/logging")
  HttpResponse<Map<String, Object>> resetLogging() {
    Map<String, String> previous = logLevels.resetAll();
    LOG.info("all component log level overrides reset: count={}", previous.size());
    return HttpResponse.ok(Map.of("components", previous));
  }

  @Delete("/logging/{component}")
  HttpResponse<?> resetComponent(String component) {
    String problem = LogLevels.validateComponent(component);
    if (problem != null) {
      return text(HttpStatus.BAD_REQUEST, problem);
    }
    logLevels.reset(component);
    LOG.info("component log level override reset: component={}", component);
    return HttpResponse.ok();
  }

  private static HttpResponse<String> text(HttpStatus status, String message) {
    return HttpResponse.<String>status(status).body(message + "\n").contentType(MediaType.TEXT_PLAIN);
  }
}
