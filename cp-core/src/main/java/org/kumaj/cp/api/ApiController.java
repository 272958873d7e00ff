package org.kumaj.cp.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kumaj.model.codec.Json;

/**
 * Hands every request of the API listeners (5681, 5682) to {@link ApiRouter}. Serving one
 * catch-all route keeps the route table in our descriptor-driven router, not in annotations.
 */
@Controller
final class ApiController {
  private final ApiRouter router;

  ApiController(ApiRouter router) {
    this.router = router;
  }

  @Get
  HttpResponse<?> root(HttpRequest<?> request) {
    return dispatch(request, null);
  }

  @Get("/{+path}")
  HttpResponse<?> get(HttpRequest<?> request, String path) {
    return dispatch(request, null);
  }

  @Put(value = "/{+path}", consumes = MediaType.ALL)
  HttpResponse<?> put(HttpRequest<?> request, String path, @Nullable @Body String body) {
    return dispatch(request, body);
  }

  @Post(value = "/{+path}", consumes = MediaType.ALL)
  HttpResponse<?> post(HttpRequest<?> request, String path, @Nullable @Body String body) {
    return dispatch(request, body);
  }

  @Delete("/{+path}")
  HttpResponse<?> delete(HttpRequest<?> request, String path) {
    return dispatch(request, null);
  }

  @Patch(value = "/{+path}", consumes = MediaType.ALL)
  HttpResponse<?> patch(HttpRequest<?> request, String path, @Nullable @Body String body) {
    return dispatch(request, body);
  }

  @Options
  HttpResponse<?> optionsRoot(HttpRequest<?> request) {
    return dispatch(request, null);
  }

  @Options("/{+path}")
  HttpResponse<?> options(HttpRequest<?> request, String path) {
    return dispatch(request, null);
  }

  private HttpResponse<?> dispatch(HttpRequest<?> request, String body) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    request.getParameters().forEach((k, v) -> query.put(k, List.copyOf(v)));
    boolean secure = request.isSecure();
    boolean verified = secure && request.getCertificate().isPresent();
    String path;
    try {
      path = URLDecoder.decode(request.getPath().replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return render(ApiResponse.error(Errors.badRequest("bad request: malformed path escape")));
    }
    ApiRequest apiRequest = new ApiRequest(request.getMethodName(), path, query,
        name -> request.getHeaders().get(name), body, request.getRemoteAddress(), secure, verified);
    return render(router.handle(apiRequest));
  }

  private static HttpResponse<?> render(ApiResponse answer) {
    MutableHttpResponse<Object> response = HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(answer.status()));
    answer.headers().forEach(response::header);
    if (answer.body() == null) {
      return response;
    }
    if (answer.body() instanceof String text) {
      return response.body(text).contentType(answer.contentType());
    }
    try {
      return response.body(Json.mapper().writeValueAsString(answer.body())).contentType(MediaType.APPLICATION_JSON_TYPE);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("could not render an API answer", e);
    }
  }
}
