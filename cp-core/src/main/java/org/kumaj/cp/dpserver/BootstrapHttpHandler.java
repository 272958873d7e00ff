package org.kumaj.cp.dpserver;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import io.netty.handler.timeout.ReadTimeoutHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the data-plane server: {@code POST /bootstrap} (JSON answer when the client
 * accepts {@code application/json}, else Kuma's legacy YAML); every other path is 404. The work runs
 * on a blocking executor, never on the event loop.
 */
final class BootstrapHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  /** Name of the handler that bounds how long reading a request may take. */
  static final String READ_TIMEOUT = "read-timeout";
  private static final Logger LOG = LoggerFactory.getLogger("xds.bootstrap");
  private final BootstrapService bootstrap;
  private final ExecutorService blocking;
  private final int readTimeoutSeconds;
  /** Whether a request arrived on this connection (an idle keep-alive timing out is no news). */
  private boolean requestSeen;

  BootstrapHttpHandler(BootstrapService bootstrap, ExecutorService blocking, int readTimeoutSeconds) {
    this.bootstrap = bootstrap;
    this.blocking = blocking;
    this.readTimeoutSeconds = readTimeoutSeconds;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    // The request is in: the read timeout must not fire while we work on the answer.
    if (ctx.pipeline().get(READ_TIMEOUT) != null) {
      ctx.pipeline().remove(READ_TIMEOUT);
    }
    requestSeen = true;
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (request.decoderResult().isFailure()) {
      Throwable cause = request.decoderResult().cause();
      LOG.warn("malformed HTTP request from {} on the data-plane server: {}; closing the connection",
          ctx.channel().remoteAddress(), cause == null ? "undecodable" : cause.getMessage());
      respond(ctx, HttpResponseStatus.BAD_REQUEST, "text/plain", "400 bad request\n", false);
      return;
    }
    if (!request.uri().equals("/bootstrap") && !request.uri().startsWith("/bootstrap?")) {
      respond(ctx, HttpResponseStatus.NOT_FOUND, "text/plain", "404 page not found\n", keepAlive);
      return;
    }
    if (!request.method().equals(HttpMethod.POST)) {
      respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", "method not allowed\n", keepAlive);
      return;
    }
    String body = request.content().toString(StandardCharsets.UTF_8);
    String host = hostName(request.headers().get(HttpHeaderNames.HOST, ""));
    boolean json = "application/json".equals(request.headers().get(HttpHeaderNames.ACCEPT));
    try {
      blocking.execute(() -> {
        try {
          BootstrapService.Result result = bootstrap.generate(body, host);
          if (json) {
            respond(ctx, HttpResponseStatus.OK, "application/json", result.json().toString(), keepAlive);
          } else {
            respond(ctx, HttpResponseStatus.OK, "text/x-yaml", result.yaml(), keepAlive);
          }
        } catch (BootstrapException e) {
          LOG.warn("bootstrap request from {} refused ({}): {}", ctx.channel().remoteAddress(), e.status(), e.reason());
          respond(ctx, HttpResponseStatus.valueOf(e.status()), "text/plain", e.getMessage(), keepAlive);
        } catch (RuntimeException e) {
          LOG.error("could not generate a bootstrap configuration", e);
          respond(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "text/plain", "", keepAlive);
        }
      });
    } catch (RejectedExecutionException e) {
      respond(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "text/plain", "", false);
    }
  }

  /** Kuma's {@code net.SplitHostPort} fallback: the host without the port. */
  static String hostName(String hostHeader) {
    if (hostHeader.startsWith("[")) {
      int end = hostHeader.indexOf(']');
      return end < 0 ? hostHeader : hostHeader.substring(1, end);
    }
    int colon = hostHeader.lastIndexOf(':');
    return colon < 0 || hostHeader.indexOf(':') != colon ? hostHeader : hostHeader.substring(0, colon);
  }

  private void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String contentType, String body,
      boolean keepAlive) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().set("kuma-bootstrap-version", "3");
    HttpUtil.setContentLength(response, response.content().readableBytes());
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response).addListener((ChannelFutureListener) f -> {
        if (f.isSuccess() && ctx.pipeline().get(READ_TIMEOUT) == null) {
          ctx.pipeline().addFirst(READ_TIMEOUT, new ReadTimeoutHandler(readTimeoutSeconds, TimeUnit.SECONDS));
        }
      });
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof io.netty.handler.timeout.ReadTimeoutException && !requestSeen) {
      LOG.warn("connection from {} sent no complete HTTP request within {}s; closing it", ctx.channel().remoteAddress(),
          readTimeoutSeconds);
      ctx.close();
      return;
    }
    LOG.debug("bootstrap connection from {} failed: {}", ctx.channel().remoteAddress(), cause.getMessage());
    ctx.close();
  }
}
