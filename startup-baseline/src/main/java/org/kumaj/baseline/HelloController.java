package org.kumaj.baseline;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /ready} answers 200 as soon as the server accepts requests. */
@Controller
final class HelloController {
  @Get("/ready")
  String ready() {
    return "hello";
  }
}
