package org.kumaj.cp.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.kumaj.cp.events.EventBus;
import org.kumaj.cp.events.ResourceChangedEvent;
import org.kumaj.cp.events.ResourceChangedEvent.Operation;
import org.kumaj.model.ResourceType;
import org.kumaj.model.codec.Json;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes on this instance's {@link EventBus} the resource changes other control-plane instances
 * make in the same PostgreSQL database, as Kuma's {@code postgres_events} listener does: a dedicated
 * connection LISTENs on channel {@value #CHANNEL}, which the {@code resources} trigger notifies on
 * commit. Notifications tagged with this instance's own tag are skipped (the store already
 * published them). A lost connection is re-opened with exponential backoff; changes made while
 * disconnected are not replayed. Thread-safe; one daemon thread.
 */
final class PostgresEventListener implements AutoCloseable {
  static final String CHANNEL = "resource_events";
  /** How the listening connection shows in {@code pg_stat_activity}. */
  static final String APPLICATION_NAME = "kuma-cp-event-listener";
  private static final Logger LOG = LoggerFactory.getLogger("postgres-event-listener");
  private static final int POLL_MILLIS = 500;
  private static final long PROBE_AFTER_IDLE_MILLIS = 30_000;

  private final StoreDatabase db;
  private final String instance;
  private final Function<String, Optional<ResourceType>> types;
  private final EventBus events;
  private final Duration baseBackoff;
  private final Duration maxBackoff;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;
  private volatile Connection connection;

  PostgresEventListener(StoreDatabase db, String instance, Function<String, Optional<ResourceType>> types,
      EventBus events, Duration baseBackoff, Duration maxBackoff) {
    this.db = db;
    this.instance = instance;
    this.types = types;
    this.events = events;
    this.baseBackoff = baseBackoff.isZero() || baseBackoff.isNegative() ? Duration.ofSeconds(1) : baseBackoff;
    this.maxBackoff = maxBackoff.compareTo(this.baseBackoff) < 0 ? this.baseBackoff : maxBackoff;
    this.thread = new Thread(this::run, "postgres-event-listener");
    this.thread.setDaemon(true);
  }

  /**
   * Connects and LISTENs before returning, so that every change committed after this call is seen,
   * then starts the reading thread.
   *
   * @throws StoreException if the first connection fails
   */
  void start() {
    try {
      connection = listen();
    } catch (SQLException e) {
      throw new StoreException("cannot listen for resource events on " + db.description() + ": "
          + StoreDatabase.rootMessage(e), e);
    }
    thread.start();
  }

  private Connection listen() throws SQLException {
    Connection c = db.connect(APPLICATION_NAME);
    try (Statement s = c.createStatement()) {
      s.execute("LISTEN " + CHANNEL);
    } catch (SQLException e) {
      closeQuietly(c);
      throw e;
    }
    return c;
  }

  private void run() {
    Duration backoff = baseBackoff;
    long lastActivity = System.nanoTime();
    while (stopped.getCount() > 0) {
      try {
        Connection c = connection;
        if (c == null) {
          c = listen();
          connection = c;
          LOG.info("listening for resource events again");
          backoff = baseBackoff;
        }
        PGNotification[] received = c.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
        if (received != null && received.length > 0) {
          lastActivity = System.nanoTime();
          for (PGNotification n : received) {
            handle(n.getParameter());
          }
        } else if (System.nanoTime() - lastActivity > TimeUnit.MILLISECONDS.toNanos(PROBE_AFTER_IDLE_MILLIS)) {
          // A silent peer that vanished is only noticed when we send something.
          try (Statement s = c.createStatement()) {
            s.execute("SELECT 1");
          }
          lastActivity = System.nanoTime();
        }
      } catch (SQLException | RuntimeException e) {
        if (stopped.getCount() == 0) {
          break;
        }
        LOG.warn("resource event listener failed ({}); reconnecting in {}", StoreDatabase.rootMessage(e), backoff);
        closeQuietly(connection);
        connection = null;
        try {
          if (stopped.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
            break;
          }
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
      }
    }
    closeQuietly(connection);
  }

  private void handle(String payload) {
    JsonNode n;
    try {
      n = Json.mapper().readTree(payload);
    } catch (IOException e) {
      LOG.warn("ignoring a resource event that is not JSON: {}", payload);
      return;
    }
    if (instance.equals(n.path("instance").asText(null))) {
      return;
    }
    Operation op = switch (n.path("action").asText()) {
      case "INSERT" -> Operation.CREATE;
      case "UPDATE" -> Operation.UPDATE;
      case "DELETE" -> Operation.DELETE;
      default -> null;
    };
    JsonNode data = n.path("data");
    Optional<ResourceType> type = types.apply(data.path("type").asText());
    if (op == null || type.isEmpty() || !data.path("name").isTextual()) {
      LOG.debug("ignoring resource event {}", payload);
      return;
    }
    events.publish(new ResourceChangedEvent(op, type.get(), data.path("mesh").asText(""), data.path("name").asText()));
  }

  @Override
  public void close() {
    stopped.countDown();
    // Abort (not close: that would wait for the driver lock the poll holds) ends a poll at once.
    Connection c = connection;
    if (c != null) {
      try {
        c.abort(Runnable::run);
      } catch (SQLException | RuntimeException e) {
        LOG.debug("aborting the listener connection failed", e);
      }
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException | RuntimeException e) {
        LOG.debug("closing the listener connection failed", e);
      }
    }
  }
}
