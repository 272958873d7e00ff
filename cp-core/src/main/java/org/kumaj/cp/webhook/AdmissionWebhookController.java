package org.kumaj.cp.webhook;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.kumaj.cp.api.KumaError;

/**
 * Port 5443 (HTTPS). Kubernetes admission webhooks are not implemented yet (this control plane runs
 * on Universal), so every request gets Kuma's error body with status 501 naming the missing feature.
 */
@Controller(value = "/", port = "${kumaj.listeners.webhook.port}")
final class AdmissionWebhookController {
  static final KumaError NOT_IMPLEMENTED = KumaError.of(501, "Not Implemented",
      "Kubernetes admission webhooks are not implemented by this control plane yet");

  @Post("/{+path}")
  HttpResponse<KumaError> post(String path) {
    return HttpResponse.status(HttpStatus.NOT_IMPLEMENTED).body(NOT_IMPLEMENTED);
  }

  @Get("/{+path}")
  HttpResponse<KumaError> get(String path) {
    return HttpResponse.status(HttpStatus.NOT_IMPLEMENTED).body(NOT_IMPLEMENTED);
  }
}
