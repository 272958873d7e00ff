package org.kumaj.cp.dpserver;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micronaut.context.annotation.Requires;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.listeners.GrpcServiceBinding;
import org.kumaj.cp.listeners.Listener;
import org.kumaj.cp.listeners.ListenerPlan;
import org.kumaj.cp.listeners.ListenerStartException;
import org.kumaj.cp.tls.ServerTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kuma's data-plane server: one TLS port (5678) for both {@code POST /bootstrap} and gRPC (ADS),
 * as kuma-dp and Envoy expect. The protocol is chosen per connection by ALPN: a client offering
 * HTTP/1.1 (kuma-dp's bootstrap client) is served HTTP; a client offering only {@code h2} (Envoy's
 * gRPC client, grpc-java) is bridged to an in-JVM gRPC server on a Netty local address, so no
 * second socket exists. Started once by the launcher; thread-safe.
 */
@Singleton
@Requires(property = "kumaj.listeners.dp-server.port")
public final class DpServer {
  private static final Logger LOG = LoggerFactory.getLogger("dp-server");
  private static final int MAX_BOOTSTRAP_BODY = 1024 * 1024;
  /**
   * grpc-java logs through java.util.logging, which bypasses logback: every client that drops its
   * connection would print "INFO: Transport failed". Held here so the level is not lost with the
   * logger; WARNING matches logback's io.grpc level.
   */
  private static final java.util.logging.Logger GRPC_JUL = java.util.logging.Logger.getLogger("io.grpc");

  private final Listener listener;
  private final ServerTls tls;
  private final List<GrpcServiceBinding> bindings;
  private final BootstrapService bootstrap;
  private final int readHeaderTimeoutSeconds;
  private final HealthStatusManager health = new HealthStatusManager();
  private final ExecutorService blocking = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "dp-server-bootstrap");
    t.setDaemon(true);
    return t;
  });
  private EventLoopGroup network;
  private EventLoopGroup local;
  private Channel channel;
  private Server grpc;

  DpServer(ListenerPlan plan, ServerTls tls, List<GrpcServiceBinding> bindings, BootstrapService bootstrap,
      KumaConfig config) {
    this.listener = plan.get(ListenerPlan.DP_SERVER);
    this.tls = tls;
    this.bindings = bindings;
    this.bootstrap = bootstrap;
    this.readHeaderTimeoutSeconds = (int) Math.max(1, config.duration("dpServer.readHeaderTimeout").toSeconds());
  }

  /**
   * Opens the port.
   *
   * @throws ListenerStartException when the port cannot be bound
   */
  public synchronized void start() {
    if (GRPC_JUL.getLevel() == null) {
      GRPC_JUL.setLevel(java.util.logging.Level.WARNING);
    }
    LocalAddress grpcAddress = new LocalAddress("kumaj-dp-server-" + listener.port());
    local = new DefaultEventLoopGroup(2);
    NettyServerBuilder builder = NettyServerBuilder.forAddress(grpcAddress)
        .channelType(LocalServerChannel.class)
        .bossEventLoopGroup(local)
        .workerEventLoopGroup(local)
        .permitKeepAliveWithoutCalls(true)
        .permitKeepAliveTime(5, TimeUnit.SECONDS)
        .keepAliveTime(15, TimeUnit.SECONDS)
        // grpc-netty sets SO_KEEPALIVE on every child channel; the in-JVM channels have no such option
        // (Netty warns once per connection), TCP keepalive belongs to the TLS port's real sockets
        .withChildOption(ChannelOption.SO_KEEPALIVE, null)
        .addService(health.getHealthService());
    for (GrpcServiceBinding binding : bindings) {
      if (binding.listener().equals(ListenerPlan.DP_SERVER)) {
        builder.addService(binding.service());
      }
    }
    try {
      grpc = builder.build().start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start the in-JVM gRPC server", e);
    }
    SslContext ssl = sslContext();
    network = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    ServerBootstrap server = new ServerBootstrap()
        .group(network)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
            ch.pipeline().addLast(new ProtocolSelector(grpcAddress));
          }
        });
    InetSocketAddress address = listener.host().isEmpty()
        ? new InetSocketAddress(listener.port()) : new InetSocketAddress(listener.host(), listener.port());
    try {
      channel = server.bind(address).sync().channel();
    } catch (Exception e) {
      stop();
      throw new ListenerStartException(listener, e);
    }
    LOG.info("data-plane server listening on {}:{} (bootstrap over HTTPS, ADS over gRPC)",
        listener.host().isEmpty() ? "*" : listener.host(), listener.port());
  }

  private SslContext sslContext() {
    try {
      return tls.serverContext()
          // Server preference: HTTP/1.1 when the client offers it, else h2 (gRPC clients offer only h2).
          .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
              ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
              ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
              ApplicationProtocolNames.HTTP_1_1, ApplicationProtocolNames.HTTP_2))
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot use the TLS certificate " + tls.certFile() + ": " + e.getMessage(), e);
    }
  }

  /** Installs the HTTP or gRPC pipeline once TLS has negotiated the protocol. */
  private final class ProtocolSelector extends ApplicationProtocolNegotiationHandler {
    private final LocalAddress grpcAddress;

    ProtocolSelector(LocalAddress grpcAddress) {
      super(ApplicationProtocolNames.HTTP_1_1);
      this.grpcAddress = grpcAddress;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
      ChannelPipeline p = ctx.pipeline();
      if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
        p.addLast(new GrpcBridge(grpcAddress, local));
      } else {
        p.addLast(BootstrapHttpHandler.READ_TIMEOUT, new ReadTimeoutHandler(readHeaderTimeoutSeconds, TimeUnit.SECONDS));
        p.addLast(new HttpServerCodec());
        p.addLast(new HttpObjectAggregator(MAX_BOOTSTRAP_BODY));
        p.addLast(new BootstrapHttpHandler(bootstrap, blocking, readHeaderTimeoutSeconds));
      }
    }

    /**
     * One line per connection that is not TLS or fails the handshake. {@link SslHandler} reports
     * both here (the handshake event carries no more than this); a client that goes away in the
     * middle of its handshake (a TCP probe, a proxy restarting) is not worth a line.
     */
    /**
     * A record that does not decrypt during the handshake: a client that gave up before it had
     * the keys (its plaintext alert arrives where an encrypted record is expected).
     */
    private static boolean undecryptable(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof javax.crypto.BadPaddingException) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (cause instanceof NotSslRecordException || cause.getCause() instanceof NotSslRecordException) {
        LOG.warn("connection from {} is not TLS (its first bytes are no TLS record); closing it",
            ctx.channel().remoteAddress());
      } else if (cause instanceof DecoderException && cause.getCause() instanceof SSLHandshakeException ssl
          && !undecryptable(ssl)) {
        // e.g. the data plane does not trust our certificate, or no TLS version or cipher in common
        LOG.warn("TLS handshake with {} failed: {}", ctx.channel().remoteAddress(), ssl.getMessage());
      } else {
        LOG.debug("connection from {} failed before its protocol was chosen: {}", ctx.channel().remoteAddress(),
            cause.toString());
      }
      ctx.close();
    }
  }

  @PreDestroy
  synchronized void stop() {
    health.enterTerminalState();
    if (channel != null) {
      channel.close().syncUninterruptibly();
      channel = null;
    }
    if (grpc != null) {
      grpc.shutdownNow();
      try {
        grpc.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      grpc = null;
    }
    if (network != null) {
      network.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
    if (local != null) {
      local.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
    blocking.shutdownNow();
  }
}
