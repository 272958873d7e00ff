package org.kumaj.cp.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.kumaj.model.codec.Json;

/**
 * The limits of one API connection, like Go's {@code http.Server} timeouts that Kuma configures
 * plus a body cap Kuma lacks:
 * <ul>
 *   <li>read-header timeout ({@code apiServer.readHeaderTimeout}, 1 s): from the first byte of a
 *       request (the connection start for the first one, TLS handshake included) until its headers
 *       are read;</li>
 *   <li>read timeout ({@code apiServer.readTimeout}, 10 s): from the same start until the whole
 *       body is read;</li>
 *   <li>write timeout ({@code apiServer.writeTimeout}, 30 s): from the end of the headers until
 *       the response is written;</li>
 *   <li>idle timeout ({@code apiServer.idleTimeout}, 2 min): between keep-alive requests;</li>
 *   <li>body cap ({@code apiServer.maxRequestBodyBytes}, 4 MiB): a declared or streamed body over
 *       the cap is answered 413 with Kuma's error body and the connection is closed;</li>
 *   <li>a request the HTTP decoder cannot read (request line or headers over Go's 1 MiB, malformed
 *       syntax) is answered 431 or 400 in Kuma's error shape and the connection is closed.</li>
 * </ul>
 * A connection that misses a deadline is closed. {@link #raw()} goes first in the pipeline (it
 * sees every read, so a request's start is its first byte); {@link #http()} goes right after the
 * HTTP codec. All state lives on the connection's event loop; not shared between connections.
 */
final class ApiConnectionGuard {
  /** What the connection is doing: reading a request's headers, serving it, or waiting for the next one. */
  private enum Phase { HEADERS, ACTIVE, IDLE }

  private final Limits limits;
  private Phase phase = Phase.HEADERS;
  private boolean requestRead;
  private boolean responseWritten;
  private ScheduledFuture<?> headerDeadline;
  private ScheduledFuture<?> readDeadline;
  private ScheduledFuture<?> writeDeadline;
  private ScheduledFuture<?> idleDeadline;
  private long bodyBytes;
  private boolean rejecting;

  /**
   * The configured limits.
   *
   * @param readHeader read-header timeout
   * @param read read timeout
   * @param write write timeout
   * @param idle keep-alive idle timeout
   * @param maxBodyBytes body cap
   * @param maxHeaderBytes the request line and header limit of the HTTP decoder
   */
  record Limits(Duration readHeader, Duration read, Duration write, Duration idle, long maxBodyBytes,
      int maxHeaderBytes) {}

  ApiConnectionGuard(Limits limits) {
    this.limits = limits;
  }

  /** The handler that sees raw bytes; add it first. */
  ChannelInboundHandlerAdapter raw() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelActive(ChannelHandlerContext ctx) throws Exception {
        startRequest(ctx);
        super.channelActive(ctx);
      }

      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (phase == Phase.IDLE) {
          startRequest(ctx);
        }
        super.channelRead(ctx, msg);
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelAll();
        super.channelInactive(ctx);
      }

      @Override
      public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
          startRequest(ctx);
        }
      }
    };
  }

  /** The handler that sees HTTP messages; add it right after the HTTP codec. */
  ChannelDuplexHandler http() {
    return new ChannelDuplexHandler() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request) {
          onHeaders(ctx);
          rejecting = false;
          bodyBytes = 0;
          if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            boolean tooLong = cause instanceof TooLongFrameException;
            reject(ctx, msg, tooLong ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpResponseStatus.BAD_REQUEST,
                tooLong ? "Request Header Fields Too Large" : "Bad Request",
                tooLong ? "the request line or headers are larger than " + limits.maxHeaderBytes() + " bytes"
                    : "malformed HTTP request", true);
            return;
          }
          long declared = HttpUtil.getContentLength(request, -1L);
          if (declared > limits.maxBodyBytes()) {
            rejectBody(ctx, msg);
            return;
          }
        }
        if (rejecting) {
          // draining the body of a refused request, so that the client can read the answer
          boolean last = msg instanceof LastHttpContent;
          ReferenceCountUtil.release(msg);
          if (last) {
            ctx.channel().close();
          }
          return;
        }
        if (msg instanceof HttpContent content) {
          bodyBytes += content.content().readableBytes();
          if (content.decoderResult().isFailure()) {
            reject(ctx, msg, HttpResponseStatus.BAD_REQUEST, "Bad Request", "malformed HTTP request body", true);
            return;
          }
          if (bodyBytes > limits.maxBodyBytes()) {
            rejectBody(ctx, msg);
            return;
          }
          if (content instanceof LastHttpContent) {
            onRequestRead(ctx);
          }
        }
        super.channelRead(ctx, msg);
      }

      @Override
      public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        ChannelPromise p = promise;
        if (msg instanceof LastHttpContent) {
          p = promise.unvoid();
          p.addListener(f -> onResponseWritten(ctx));
        }
        super.write(ctx, msg, p);
      }
    };
  }

  private void startRequest(ChannelHandlerContext ctx) {
    cancelAll();
    phase = Phase.HEADERS;
    headerDeadline = closeAfter(ctx, limits.readHeader());
    readDeadline = closeAfter(ctx, limits.read());
  }

  private void onHeaders(ChannelHandlerContext ctx) {
    if (phase != Phase.HEADERS) {
      // a pipelined request: its bytes were read while the previous one was served
      cancelAll();
      readDeadline = closeAfter(ctx, limits.read());
    }
    cancel(headerDeadline);
    headerDeadline = null;
    cancel(writeDeadline);
    writeDeadline = closeAfter(ctx, limits.write());
    phase = Phase.ACTIVE;
    requestRead = false;
    responseWritten = false;
  }

  /** The whole request body is in (the answer may already be out: then the exchange is over). */
  private void onRequestRead(ChannelHandlerContext ctx) {
    cancel(readDeadline);
    readDeadline = null;
    requestRead = true;
    if (responseWritten) {
      becomeIdle(ctx);
    }
  }

  /** The answer is out; a body still arriving is read under the read deadline. */
  private void onResponseWritten(ChannelHandlerContext ctx) {
    if (!ctx.channel().isActive() || phase != Phase.ACTIVE) {
      return;
    }
    cancel(writeDeadline);
    writeDeadline = null;
    responseWritten = true;
    if (requestRead) {
      becomeIdle(ctx);
    }
  }

  private void becomeIdle(ChannelHandlerContext ctx) {
    cancelAll();
    phase = Phase.IDLE;
    idleDeadline = closeAfter(ctx, limits.idle());
  }

  private void rejectBody(ChannelHandlerContext ctx, Object msg) {
    reject(ctx, msg, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "Request Entity Too Large",
        "request body is larger than the limit of " + limits.maxBodyBytes() + " bytes",
        msg instanceof LastHttpContent);
  }

  /**
   * Answers in Kuma's error shape with {@code Connection: close}. The connection is closed once the
   * answer is written when {@code closeNow}; otherwise the rest of the request body is read and
   * dropped first (at most until the read timeout), so that a client still sending can read the
   * answer instead of a reset.
   */
  private void reject(ChannelHandlerContext ctx, Object msg, HttpResponseStatus status, String title, String detail,
      boolean closeNow) {
    ReferenceCountUtil.release(msg);
    rejecting = true;
    cancelAll();
    KumaError error = KumaError.of(status.code(), title, detail);
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(error);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, ApiResponse.JSON);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    if (closeNow) {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.writeAndFlush(response);
      readDeadline = closeAfter(ctx, limits.read());
    }
  }

  private static ScheduledFuture<?> closeAfter(ChannelHandlerContext ctx, Duration timeout) {
    if (timeout.isZero() || timeout.isNegative()) {
      return null;
    }
    return ctx.executor().schedule(() -> {
      ctx.channel().close();
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void cancelAll() {
    cancel(headerDeadline);
    cancel(readDeadline);
    cancel(writeDeadline);
    cancel(idleDeadline);
    headerDeadline = null;
    readDeadline = null;
    writeDeadline = null;
    idleDeadline = null;
  }

  private static void cancel(ScheduledFuture<?> f) {
    if (f != null) {
      f.cancel(false);
    }
  }
}
