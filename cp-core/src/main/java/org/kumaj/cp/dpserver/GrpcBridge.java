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

/**
 * Carries the decrypted HTTP/2 bytes of a data plane's connection to the in-JVM gRPC server (a
 * Netty local address, so no extra socket is opened) and the answers back. Back-pressure: each side
 * reads only while the other side can take writes. Not shared: one instance per connection.
 */
final class GrpcBridge extends ChannelInboundHandlerAdapter {
  private final LocalAddress grpcAddress;
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
    b.connect(grpcAddress).addListener((ChannelFutureListener) f -> ctx.executor().execute(() -> {
      if (f.isSuccess()) {
        upstream = f.channel();
        while (!early.isEmpty()) {
          upstream.write(early.poll());
        }
        upstream.flush();
        upstream.read();
        downstream.read();
      } else {
        early.forEach(ReferenceCountUtil::release);
        early.clear();
        downstream.close();
      }
    }));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
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
    upstream.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
      if (f.isSuccess()) {
        ctx.channel().read();
      } else {
        f.channel().close();
        ctx.close();
      }
    });
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
      downstream.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
        if (f.isSuccess()) {
          ctx.channel().read();
        } else {
          ctx.close();
        }
      });
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
