package org.kumaj.cp.api;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLEngine;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.listeners.Listener;
import org.kumaj.cp.listeners.ListenerPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds to every connection of the API listeners (5681, 5682) what Micronaut's configuration
 * cannot express per listener: the {@link ApiConnectionGuard} (Kuma's HTTP timeouts and the body
 * cap), and on the HTTPS listener with {@code apiServer.https.requireClientCert} the demand for a
 * client certificate (Go's {@code RequireAndVerifyClientCert}), verified against the listener's
 * trust material (see {@code launcher.MicronautProperties}) during the handshake; with
 * authentication type {@code adminClientCerts} a certificate is asked for but optional
 * ({@code VerifyClientCertIfGiven}). Other listeners are left alone.
 * Stateless apart from the configuration; thread-safe.
 */
@Singleton
final class ApiListenerCustomizer implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
  private static final Logger LOG = LoggerFactory.getLogger("api-server");
  private static final String GUARD_RAW = "kumaj-api-guard-raw";
  private static final String GUARD_HTTP = "kumaj-api-guard-http";

  private final int httpPort;
  private final int httpsPort;
  private final boolean requireClientCert;
  private final boolean wantClientCert;
  private final ApiConnectionGuard.Limits limits;

  ApiListenerCustomizer(ListenerPlan plan, KumaConfig config, NettyHttpServerConfiguration server) {
    this.httpPort = plan.find(ListenerPlan.API_HTTP).map(Listener::port).orElse(-1);
    this.httpsPort = plan.find(ListenerPlan.API_HTTPS).map(Listener::port).orElse(-1);
    this.requireClientCert = config.bool("apiServer.https.requireClientCert");
    boolean clientCas = !config.string("apiServer.https.tlsCaFile").isEmpty()
        || !config.string("apiServer.auth.clientCertsDir").isEmpty();
    this.wantClientCert = clientCas && config.string("apiServer.authn.type").equals("adminClientCerts");
    this.limits = new ApiConnectionGuard.Limits(config.duration("apiServer.readHeaderTimeout"),
        config.duration("apiServer.readTimeout"), config.duration("apiServer.writeTimeout"),
        config.duration("apiServer.idleTimeout"), config.number("apiServer.maxRequestBodyBytes"),
        server.getMaxHeaderSize());
  }

  @Override
  public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    event.getBean().register(new Root());
    return event.getBean();
  }

  /** Picks out the connections of the API listeners. */
  private final class Root implements NettyServerCustomizer {
    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
      if (role != ChannelRole.CONNECTION || !(channel.localAddress() instanceof InetSocketAddress local)) {
        return this;
      }
      if (local.getPort() == httpPort) {
        return new ApiConnection(channel, false, false);
      }
      if (local.getPort() == httpsPort) {
        return new ApiConnection(channel, requireClientCert, wantClientCert);
      }
      return this;
    }
  }

  /** One API connection. */
  private final class ApiConnection implements NettyServerCustomizer {
    private final Channel channel;
    private final boolean needClientAuth;
    private final boolean wantClientAuth;

    ApiConnection(Channel channel, boolean needClientAuth, boolean wantClientAuth) {
      this.channel = channel;
      this.needClientAuth = needClientAuth;
      this.wantClientAuth = wantClientAuth;
    }

    @Override
    public NettyServerCustomizer specializeForChannel(Channel child, ChannelRole role) {
      return this;
    }

    @Override
    public void onInitialPipelineBuilt() {
      ChannelPipeline pipeline = channel.pipeline();
      if (needClientAuth || wantClientAuth) {
        SslHandler ssl = (SslHandler) pipeline.get(ChannelPipelineCustomizer.HANDLER_SSL);
        if (ssl == null) {
          LOG.error("no TLS handler on the API HTTPS listener; closing the connection");
          channel.close();
          return;
        }
        SSLEngine engine = ssl.engine();
        if (needClientAuth) {
          engine.setNeedClientAuth(true);
        } else {
          engine.setWantClientAuth(true);
        }
      }
      ApiConnectionGuard guard = new ApiConnectionGuard(limits);
      pipeline.addFirst(GUARD_RAW, guard.raw());
      if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
        pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, GUARD_HTTP, guard.http());
      } else {
        LOG.warn("no HTTP/1 codec on an API connection; request limits not applied: {}", pipeline.names());
      }
    }
  }
}
