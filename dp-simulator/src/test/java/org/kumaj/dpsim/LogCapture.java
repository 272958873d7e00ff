package org.kumaj.dpsim;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.kumaj.cp.launcher.LogbackConfigurator;
import org.slf4j.LoggerFactory;

/**
 * Logs as the control plane ships them: logback configured by cp-core's {@link LogbackConfigurator}
 * (not this module's test configuration), plus an appender that keeps every event at INFO or above
 * so tests can count the lines a cause produces. {@link #close()} restores the test configuration.
 */
final class LogCapture implements AutoCloseable {
  /** One captured line. */
  record Line(Level level, String logger, String message) {
    @Override
    public String toString() {
      return level + " " + logger + " " + message;
    }
  }

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final List<Line> lines = Collections.synchronizedList(new ArrayList<>());

  private LogCapture() {}

  /** Reconfigures logback as the control plane ships it and starts capturing. */
  static LogCapture productionConfig() {
    LogCapture capture = new LogCapture();
    capture.context.reset();
    LogbackConfigurator.apply(capture.context);
    AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent e) {
        capture.lines.add(new Line(e.getLevel(), e.getLoggerName(), e.getFormattedMessage()));
      }
    };
    appender.setContext(capture.context);
    appender.setName("capture");
    appender.start();
    capture.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    return capture;
  }

  /** Forgets what was captured so far. */
  void clear() {
    lines.clear();
  }

  /** The captured lines at {@code level} or above. */
  List<Line> atLeast(Level level) {
    synchronized (lines) {
      return lines.stream().filter(l -> l.level().isGreaterOrEqual(level)).toList();
    }
  }

  /** The captured lines (INFO and above) matching {@code filter}. */
  List<Line> matching(Predicate<Line> filter) {
    synchronized (lines) {
      return lines.stream().filter(filter).toList();
    }
  }

  @Override
  public void close() {
    context.reset();
    try {
      new ContextInitializer(context).autoConfig();
    } catch (JoranException e) {
      throw new IllegalStateException(e);
    }
  }
}
