package org.kumaj.cp.dpserver;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micronaut.context.annotation.Requires;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
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
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
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
    LocalAddress grpcAddress = new LocalAddress("kumaj-dp-server-" + listener.port());
    local = new DefaultEventLoopGroup(2);
    NettyServerBuilder builder = NettyServerBuilder.forAddress(grpcAddress)
        .channelType(LocalServerChannel.class)
        .bossEventLoopGroup(local)
        .workerEventLoopGroup(local)
        .permitKeepAliveWithoutCalls(true)
        .permitKeepAliveTime(5, TimeUnit.SECONDS)
        .keepAliveTime(15, TimeUnit.SECONDS)
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
      return SslContextBuilder.forServer(tls.certFile().toFile(), tls.keyFile().toFile())
          .protocols(tls.protocols())
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

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("TLS handshake with {} failed: {}", ctx.channel().remoteAddress(), cause.getMessage());
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
