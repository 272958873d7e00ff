package org.kumaj.cp.mads;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.kumaj.cp.api.KumaError;

/**
 * Port 5676. The monitoring assignment discovery service is not implemented yet, so every request
 * gets Kuma's error body with status 501 naming the missing feature.
 */
@Requires(property = "kumaj.listeners.mads.port")
@Controller(value = "/", port = "${kumaj.listeners.mads.port}")
final class MadsController {
  static final KumaError NOT_IMPLEMENTED = KumaError.of(501, "Not Implemented",
      "the Monitoring Assignment Discovery Service (MADS) is not implemented by this control plane yet");

  @Post("/{+path}")
  HttpResponse<KumaError> post(String path) {
    return HttpResponse.status(HttpStatus.NOT_IMPLEMENTED).body(NOT_IMPLEMENTED);
  }

  @Get("/{+path}")
  HttpResponse<KumaError> get(String path) {
    return HttpResponse.status(HttpStatus.NOT_IMPLEMENTED).body(NOT_IMPLEMENTED);
  }
}
