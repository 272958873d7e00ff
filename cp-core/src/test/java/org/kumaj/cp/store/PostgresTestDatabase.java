package org.kumaj.cp.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.kumaj.cp.config.ConfigLoader;
import org.kumaj.cp.config.KumaConfig;

/**
 * A fresh PostgreSQL database on the test server (127.0.0.1:5432, user {@code postgres}, trust
 * authentication), dropped by {@link #close}. When the server is unreachable the calling test is
 * skipped, or fails when the environment variable {@code CI} is set.
 */
public final class PostgresTestDatabase implements AutoCloseable {
  static final String HOST = "127.0.0.1";
  static final int PORT = 5432;
  static final String USER = "postgres";
  private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";

  final String name;

  private PostgresTestDatabase(String name) {
    this.name = name;
  }

  /** Creates a database, or skips (fails on CI) when PostgreSQL is not there. */
  public static PostgresTestDatabase create() {
    requireServer();
    String name = "kumaj_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    admin("CREATE DATABASE " + name);
    return new PostgresTestDatabase(name);
  }

  static void requireServer() {
    String problem = null;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(HOST, PORT), 2000);
    } catch (IOException e) {
      problem = e.getMessage();
    }
    if (problem == null) {
      try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "")) {
        c.isValid(2);
      } catch (SQLException e) {
        problem = e.getMessage();
      }
    }
    if (problem != null) {
      String message = "PostgreSQL is not reachable at " + HOST + ":" + PORT + " as user " + USER
          + " (" + problem + "); the PostgreSQL store tests need a server with trust authentication";
      if (System.getenv("CI") != null) {
        fail(message + " (CI is set, so this is a failure)");
      }
      assumeTrue(false, message + "; skipped (set CI to make this a failure)");
    }
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Runs SQL in this database. */
  void sql(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + name, USER, "");
  }

  /** The {@code KUMA_*} environment of a control plane using this database. */
  public Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("KUMA_STORE_TYPE", "postgres");
    env.put("KUMA_STORE_POSTGRES_HOST", HOST);
    env.put("KUMA_STORE_POSTGRES_PORT", Integer.toString(PORT));
    env.put("KUMA_STORE_POSTGRES_USER", USER);
    env.put("KUMA_STORE_POSTGRES_PASSWORD", "unused-trust-auth");
    env.put("KUMA_STORE_POSTGRES_DB_NAME", name);
    env.put("KUMA_STORE_POSTGRES_MAX_OPEN_CONNECTIONS", "10");
    env.put("KUMA_GENERAL_RESILIENT_COMPONENT_BASE_BACKOFF", "100ms");
    env.putAll(extra);
    return env;
  }

  public KumaConfig config(Map<String, String> extra) {
    return new ConfigLoader().load(null, env(extra), Map.of(), w -> {});
  }

  KumaConfig config() {
    return config(Map.of());
  }

  /** The YAML of a {@code -c} file pointing at this database. */
  String yaml(boolean tolerateNewer) {
    return """
        store:
          type: postgres
          postgres:
            host: %s
            port: %d
            user: %s
            password: unused-trust-auth
            dbName: %s
            tolerateNewerDBVersions: %s
        """.formatted(HOST, PORT, USER, name, tolerateNewer);
  }

  @Override
  public void close() {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }
}
