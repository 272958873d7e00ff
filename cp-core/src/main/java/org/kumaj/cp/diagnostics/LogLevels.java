package org.kumaj.cp.diagnostics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Kuma's run-time log level overrides ({@code /logging}): a component is a logger name (our loggers
 * are named by component, e.g. {@code xds.server}), a level is {@code off}, {@code info} or
 * {@code debug}. At most {@value #MAX_OVERRIDES} overrides exist at once. Thread-safe.
 */
@Singleton
public final class LogLevels {
  static final int MAX_OVERRIDES = 200;
  private static final Pattern COMPONENT = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9._-]*$");
  private final Map<String, String> overrides = new TreeMap<>();

  /** Sets the root level from {@code --log-level}. */
  public static void setRootLevel(String level) {
    root().setLevel(toLogback(level));
  }

  /** Returns null when valid, else Kuma's message. */
  static String validateComponent(String name) {
    if (name == null || name.isEmpty()) {
      return "component name must not be empty";
    }
    if (name.length() > 256) {
      return "component name exceeds 256 characters";
    }
    if (!COMPONENT.matcher(name).matches()) {
      return "component name \"" + name + "\" contains invalid characters";
    }
    return null;
  }

  /** Returns whether {@code level} is one of Kuma's levels. */
  public static boolean isLevel(String level) {
    return "off".equals(level) || "info".equals(level) || "debug".equals(level);
  }

  synchronized Map<String, String> overrides() {
    return new TreeMap<>(overrides);
  }

  /** Sets an override; returns false when the maximum number of overrides is reached. */
  synchronized boolean set(String component, String level) {
    if (!overrides.containsKey(component) && overrides.size() >= MAX_OVERRIDES) {
      return false;
    }
    overrides.put(component, level);
    logger(component).setLevel(toLogback(level));
    return true;
  }

  synchronized void reset(String component) {
    if (overrides.remove(component) != null) {
      logger(component).setLevel(null);
    }
  }

  synchronized Map<String, String> resetAll() {
    Map<String, String> previous = new TreeMap<>(overrides);
    previous.keySet().forEach(c -> logger(c).setLevel(null));
    overrides.clear();
    return previous;
  }

  private static Logger logger(String component) {
    return (Logger) LoggerFactory.getLogger(component);
  }

  private static Logger root() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
  }

  private static Level toLogback(String level) {
    return switch (level) {
      case "off" -> Level.OFF;
      case "debug" -> Level.DEBUG;
      default -> Level.INFO;
    };
  }
}
