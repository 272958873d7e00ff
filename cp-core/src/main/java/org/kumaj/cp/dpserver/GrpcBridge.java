package org.kumaj.cp.dpserver;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the decrypted HTTP/2 bytes of a data plane's connection to the in-JVM gRPC server (a
 * Netty local address, so no extra socket is opened) and the answers back. Back-pressure: each side
 * reads while the other side is writable and stops when it is not (auto-read follows the other
 * channel's writability), so a message costs one hand-off between the two event loops, not a
 * second one to ask for the next read. Not shared: one instance per connection.
 */
final class GrpcBridge extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger("dp-server");
  /** What every HTTP/2 client sends first (RFC 9113 §3.4). */
  private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();
  private final LocalAddress grpcAddress;
  /** How many bytes of the preface have been checked (all of them once it was wrong). */
  private int prefaceSeen;
  private final EventLoopGroup localGroup;
  private final java.util.ArrayDeque<Object> early = new java.util.ArrayDeque<>();
  private Channel upstream;

  GrpcBridge(LocalAddress grpcAddress, EventLoopGroup localGroup) {
    this.grpcAddress = grpcAddress;
    this.localGroup = localGroup;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    Channel downstream = ctx.channel();
    downstream.config().setAutoRead(false);
    Bootstrap b = new Bootstrap()
        .group(localGroup)
        .channel(LocalChannel.class)
        .option(ChannelOption.AUTO_READ, false)
        .handler(new ChannelInitializer<LocalChannel>() {
          @Override
          protected void initChannel(LocalChannel ch) {
            ch.pipeline().addLast(new Relay(downstream));
          }
        });
    // the in-JVM channel is named after the data plane's address, so the gRPC side can say who it is
    LocalAddress peer = new LocalAddress(downstream.remoteAddress() + " #" + SEQUENCE.incrementAndGet());
    b.connect(grpcAddress, peer).addListener((ChannelFutureListener) f -> ctx.executor().execute(() -> {
      if (f.isSuccess()) {
        upstream = f.channel();
        while (!early.isEmpty()) {
          upstream.write(early.poll());
        }
        upstream.flush();
        upstream.config().setAutoRead(true);
        downstream.config().setAutoRead(true);
      } else {
        early.forEach(ReferenceCountUtil::release);
        early.clear();
        downstream.close();
      }
    }));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (prefaceSeen < PREFACE.length && msg instanceof ByteBuf buf && !prefaceOk(buf)) {
      // the gRPC server would drop it silently; say once what happened and to whom
      LOG.warn("connection from {} negotiated HTTP/2 but did not start with the HTTP/2 preface (not a gRPC "
          + "client); closing it", ctx.channel().remoteAddress());
      ReferenceCountUtil.release(msg);
      ctx.close();
      return;
    }
    if (upstream == null) {
      // bytes TLS decrypted before the bridge was connected (e.g. the HTTP/2 preface)
      early.add(msg);
      return;
    }
    if (!upstream.isActive()) {
      ReferenceCountUtil.release(msg);
      ctx.close();
      return;
    }
    upstream.writeAndFlush(msg).addListener(closeBothOnFailure(ctx.channel()));
    if (!upstream.isWritable()) {
      ctx.channel().config().setAutoRead(false); // until the gRPC side drained (Relay)
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    // the data plane's socket drained (or filled): read the gRPC side's answers again (or pause)
    if (upstream != null) {
      upstream.config().setAutoRead(ctx.channel().isWritable());
    }
    ctx.fireChannelWritabilityChanged();
  }

  /** Closes both channels when a write to either failed. */
  private static ChannelFutureListener closeBothOnFailure(Channel other) {
    return f -> {
      if (!f.isSuccess()) {
        f.channel().close();
        other.close();
      }
    };
  }

  /** Checks the next bytes of the preface; false when they differ. */
  private boolean prefaceOk(ByteBuf buf) {
    for (int i = buf.readerIndex(); i < buf.writerIndex() && prefaceSeen < PREFACE.length; i++) {
      if (buf.getByte(i) != PREFACE[prefaceSeen++]) {
        prefaceSeen = Integer.MAX_VALUE;
        return false;
      }
    }
    return true;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    early.forEach(ReferenceCountUtil::release);
    early.clear();
    if (upstream != null) {
      upstream.close();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  /** Copies the gRPC server's answers to the data plane's connection. */
  private static final class Relay extends ChannelInboundHandlerAdapter {
    private final Channel downstream;

    Relay(Channel downstream) {
      this.downstream = downstream;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof ByteBuf) || !downstream.isActive()) {
        ReferenceCountUtil.release(msg);
        return;
      }
      downstream.writeAndFlush(msg).addListener(closeBothOnFailure(ctx.channel()));
      if (!downstream.isWritable()) {
        ctx.channel().config().setAutoRead(false); // until the socket drained (GrpcBridge)
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      downstream.config().setAutoRead(ctx.channel().isWritable());
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      downstream.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
