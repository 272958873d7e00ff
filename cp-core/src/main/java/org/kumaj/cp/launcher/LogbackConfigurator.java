package org.kumaj.cp.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.ConsoleTarget;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The control plane's logging set-up, in code rather than {@code logback.xml}: logback's XML
 * configurator alone loads about 500 classes at start-up. One line per event on standard error:
 * UTC time, level, logger, message, tab-separated. Framework loggers that chatter at INFO start at
 * WARN; {@code --log-level} and the diagnostics {@code /logging} endpoints change levels at run
 * time.
 *
 * <p>Found by logback through {@code META-INF/services}. It steps aside (and logback reads its
 * usual files) when {@code -Dlogback.configurationFile} names a file or a {@code logback-test.xml}
 * is on the class path, so operators and tests can still bring their own configuration.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogbackConfigurator extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC}\t%-5level\t%logger\t%msg%n";

  /**
   * Start-up levels of third-party loggers. java-control-plane logs every stream at INFO, and its
   * only ERROR ("stream closed with error") repeats what the xDS callbacks already log once per
   * refused or broken stream (logger {@code xds.auth}). Hibernate logs every failed statement at
   * ERROR, including the unique-key violations of racing creates that the store answers as
   * conflicts; the store reports real failures itself, with the database's message.
   */
  static final Map<String, Level> LEVELS = Map.of(
      "io.micronaut", Level.WARN,
      "io.netty", Level.WARN,
      "io.grpc", Level.WARN,
      "io.envoyproxy", Level.WARN,
      "io.envoyproxy.controlplane.server.DiscoveryServer", Level.OFF,
      "org.hibernate", Level.WARN,
      "org.hibernate.engine.jdbc.spi.SqlExceptionHelper", Level.OFF,
      "com.zaxxer.hikari", Level.WARN,
      "org.flywaydb", Level.WARN);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) != null
        || getClass().getClassLoader().getResource(ContextInitializer.TEST_AUTOCONFIG_FILE) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    apply(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Configures {@code context} as the control plane ships it, whatever files are on the class
   * path; for tests that check what operators will see.
   */
  public static void apply(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget(ConsoleTarget.SystemErr.getName());
    stderr.setEncoder(encoder);
    stderr.start();
    LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(stderr);
  }
}
