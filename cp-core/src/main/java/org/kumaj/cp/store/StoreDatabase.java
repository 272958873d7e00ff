package org.kumaj.cp.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.kumaj.cp.config.ConfigException;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.pki.Pem;

/**
 * How to reach the database of a durable store: the JDBC URL and driver properties, the pool
 * settings, the database product (for Hibernate's dialect) and the Flyway migration locations of one backend ({@code h2}
 * or {@code postgres}). Immutable; thread-safe.
 */
final class StoreDatabase {
  /** The backends this class describes. */
  enum Kind {
    H2("H2", "1764288002", List.of("classpath:db/migration/common")),
    POSTGRES("PostgreSQL", "1764288002",
        List.of("classpath:db/migration/common", "classpath:db/migration/postgresql"));

    /** The JDBC product name Hibernate picks its dialect by. */
    final String productName;
    /**
     * The version of the newest migration in {@link #migrationLocations}, so that opening a store
     * can check the schema without Flyway; {@code SchemaMigrationsTest} keeps it in step with the
     * files.
     */
    final String newestMigration;
    final List<String> migrationLocations;

    Kind(String productName, String newestMigration, List<String> migrationLocations) {
      this.productName = productName;
      this.newestMigration = newestMigration;
      this.migrationLocations = migrationLocations;
    }
  }

  /** The PostgreSQL session setting the notify trigger reads to tag a change with its writer. */
  static final String INSTANCE_SETTING = "kumaj.instance";

  private final Kind kind;
  private final String jdbcUrl;
  private final Properties properties;
  private final Pool pool;
  private final boolean tolerateNewerSchema;
  private final String description;

  /** Pool sizing and lifetimes, in Hikari's terms ({@code 0} = Hikari's "never"). */
  record Pool(int maxSize, int minIdle, Duration connectionTimeout, Duration maxLifetime,
      Duration idleTimeout, Duration keepalive) {}

  private StoreDatabase(Kind kind, String jdbcUrl, Properties properties, Pool pool,
      boolean tolerateNewerSchema, String description) {
    this.kind = kind;
    this.jdbcUrl = jdbcUrl;
    this.properties = properties;
    this.pool = pool;
    this.tolerateNewerSchema = tolerateNewerSchema;
    this.description = description;
  }

  /** The database {@code store.type} names ({@code h2} or {@code postgres}). */
  static StoreDatabase of(KumaConfig config) {
    return switch (config.storeType()) {
      case "h2" -> h2(h2File(config));
      case "postgres" -> postgres(config);
      default -> throw new IllegalArgumentException("store type " + config.storeType() + " has no database");
    };
  }

  /** {@code store.h2.file}, or {@code <general.workDir>/kuma-store}. */
  static Path h2File(KumaConfig config) {
    String file = config.string("store.h2.file");
    return file.isEmpty() ? config.workDir().resolve("kuma-store") : Path.of(file);
  }

  /**
   * An embedded H2 database in {@code file} (H2 adds {@code .mv.db}; a name already ending so is
   * accepted too). Commits are written to the file before they return ({@code WRITE_DELAY=0}), so
   * an acknowledged write survives the process being killed.
   */
  static StoreDatabase h2(Path file) {
    Path base = file.toAbsolutePath().normalize();
    String name = base.getFileName().toString();
    if (name.endsWith(".mv.db")) {
      base = base.resolveSibling(name.substring(0, name.length() - ".mv.db".length()));
    }
    try {
      Files.createDirectories(base.getParent());
    } catch (IOException e) {
      throw new StoreException("cannot create the directory of the H2 store " + base + ": " + e.getMessage(), e);
    }
    // WRITE_DELAY=0: write each commit to the file at once (default: up to 500 ms later).
    // DB_CLOSE_ON_EXIT=FALSE: the control plane closes the pool itself on shutdown.
    // LOCK_TIMEOUT: a writer waits this long for a row another transaction holds (e.g. two
    // creates of one key: the second waits for the first to commit, then sees a duplicate).
    String url = "jdbc:h2:file:" + base + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    Properties props = new Properties();
    props.setProperty("user", "sa");
    props.setProperty("password", "");
    Pool pool = new Pool(8, 1, Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO, Duration.ZERO);
    return new StoreDatabase(Kind.H2, url, props, pool, false, "H2 database " + base + ".mv.db");
  }

  /** PostgreSQL as Kuma's {@code store.postgres.*} settings describe it. */
  static StoreDatabase postgres(KumaConfig config) {
    String host = config.string("store.postgres.host");
    int port = config.integer("store.postgres.port");
    String db = config.string("store.postgres.dbName");
    String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    String url = "jdbc:postgresql://" + hostPart + ":" + port + "/"
        + URLEncoder.encode(db, StandardCharsets.UTF_8).replace("+", "%20");

    Properties props = new Properties();
    props.setProperty("user", config.string("store.postgres.user"));
    props.setProperty("password", config.string("store.postgres.password"));
    long connectTimeout = config.number("store.postgres.connectionTimeout");
    props.setProperty("connectTimeout", Long.toString(connectTimeout));
    props.setProperty("loginTimeout", Long.toString(connectTimeout));
    props.setProperty("tcpKeepAlive", "true");
    props.setProperty("ApplicationName", "kuma-cp");
    tls(config, props);

    int maxOpen = config.integer("store.postgres.maxOpenConnections");
    int maxSize = maxOpen <= 0 ? 100 : maxOpen;
    int minIdle = Math.min(Math.max(0, config.integer("store.postgres.minOpenConnections")), maxSize);
    Duration healthCheck = config.duration("store.postgres.healthCheckInterval");
    Pool pool = new Pool(maxSize, minIdle,
        connectTimeout <= 0 ? Duration.ZERO : Duration.ofSeconds(connectTimeout),
        config.duration("store.postgres.maxConnectionLifetime"),
        config.duration("store.postgres.maxConnectionIdleTime"),
        healthCheck.compareTo(Duration.ofSeconds(30)) >= 0 ? healthCheck : Duration.ZERO);
    return new StoreDatabase(Kind.POSTGRES, url, props, pool,
        config.bool("store.postgres.tolerateNewerDBVersions"),
        "PostgreSQL database " + db + " at " + hostPart + ":" + port);
  }

  /** Kuma's TLS modes onto pgjdbc's {@code sslmode}, {@code sslcert}, {@code sslkey}, {@code sslrootcert}. */
  private static void tls(KumaConfig config, Properties props) {
    String mode = config.string("store.postgres.tls.mode");
    String certPath = config.string("store.postgres.tls.certPath");
    String keyPath = config.string("store.postgres.tls.keyPath");
    String caPath = config.string("store.postgres.tls.caPath");
    String sslmode = switch (mode) {
      case "disable" -> "disable";
      case "verifyNone" -> "require";
      case "verifyCa" -> "verify-ca";
      case "verifyFull" -> "verify-full";
      default -> throw new ConfigException("could not translate mode \"" + mode + "\" to postgres mode; set "
          + KumaConfig.describeKey("store.postgres.tls.mode") + " to disable, verifyNone, verifyCa or verifyFull");
    };
    if ((mode.equals("verifyCa") || mode.equals("verifyFull")) && caPath.isEmpty()) {
      throw new ConfigException(KumaConfig.describeKey("store.postgres.tls.caPath") + ": CAPath cannot be empty");
    }
    if (certPath.isEmpty() != keyPath.isEmpty()) {
      throw new ConfigException(certPath.isEmpty()
          ? KumaConfig.describeKey("store.postgres.tls.certPath") + ": CertPath cannot be empty when KeyPath is provided"
          : KumaConfig.describeKey("store.postgres.tls.keyPath") + ": KeyPath cannot be empty when CertPath is provided");
    }
    props.setProperty("sslmode", sslmode);
    if (sslmode.equals("disable")) {
      return;
    }
    if (!caPath.isEmpty()) {
      props.setProperty("sslrootcert", caPath);
    }
    if (!certPath.isEmpty()) {
      props.setProperty("sslcert", certPath);
      props.setProperty("sslkey", pgjdbcKey(Path.of(keyPath)));
    }
  }

  /**
   * pgjdbc reads client keys as PKCS#8 DER or PKCS#12 only, while Kuma (libpq) takes PEM. A PEM key
   * is converted to a private temporary DER file; other files are passed on unchanged.
   */
  private static String pgjdbcKey(Path keyPath) {
    try {
      String text = Files.readString(keyPath, StandardCharsets.ISO_8859_1);
      if (!text.contains("-----BEGIN")) {
        return keyPath.toString();
      }
      Path der = Files.createTempFile("kuma-store-key", ".pk8",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      der.toFile().deleteOnExit();
      Files.write(der, Pem.privateKey(text).getEncoded());
      return der.toString();
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("could not read " + KumaConfig.describeKey("store.postgres.tls.keyPath")
          + " " + keyPath + ": " + e.getMessage());
    }
  }

  Kind kind() {
    return kind;
  }

  /** Whether only this process uses the database (H2), so in-process locking is enough. */
  boolean embedded() {
    return kind == Kind.H2;
  }

  /** Whether opening the store applies pending migrations itself (H2) or requires {@code migrate up}. */
  boolean migratesOnOpen() {
    return kind == Kind.H2;
  }

  boolean tolerateNewerSchema() {
    return tolerateNewerSchema;
  }

  List<String> migrationLocations() {
    return kind.migrationLocations;
  }

  /** The JDBC product name, from which Hibernate picks its dialect without asking the database. */
  String productName() {
    return kind.productName;
  }

  /** A JDBC driver property of this database, e.g. pgjdbc's {@code sslmode}; {@code null} if unset. */
  String driverProperty(String name) {
    return properties.getProperty(name);
  }

  /** For messages: which database this is, without credentials. */
  String description() {
    return description;
  }

  /**
   * Opens the connection pool, failing if no connection can be made now.
   *
   * @throws StoreException if the database cannot be reached
   */
  HikariDataSource openPool(String instance) {
    HikariDataSource ds = pool(instance);
    try {
      connect(ds);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return ds;
  }

  /**
   * The connection pool, not connected yet: {@link #connect(HikariDataSource)} (or the first
   * {@code getConnection}) opens it. On PostgreSQL every pooled connection carries
   * {@code instance} (letters, digits and dashes) in the session setting {@value #INSTANCE_SETTING}.
   */
  HikariDataSource pool(String instance) {
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("kuma-store");
    hc.setJdbcUrl(jdbcUrl);
    Properties pooled = new Properties();
    pooled.putAll(properties);
    if (kind == Kind.POSTGRES) {
      // In the start-up packet, so that no transaction (and no rollback) is involved.
      pooled.setProperty("options", "-c " + INSTANCE_SETTING + "=" + instance);
    }
    hc.setDataSourceProperties(pooled);
    hc.setAutoCommit(false);
    hc.setMaximumPoolSize(pool.maxSize());
    hc.setMinimumIdle(pool.minIdle());
    hc.setConnectionTimeout(Math.max(250, pool.connectionTimeout().toMillis()));
    hc.setMaxLifetime(pool.maxLifetime().toMillis());
    hc.setIdleTimeout(pool.idleTimeout().toMillis());
    hc.setKeepaliveTime(pool.keepalive().toMillis());
    hc.setInitializationFailTimeout(1);
    HikariDataSource ds = new HikariDataSource();
    hc.copyStateTo(ds);
    return ds;
  }

  /**
   * Opens {@code ds} now.
   *
   * @throws StoreException if the database cannot be reached
   */
  void connect(HikariDataSource ds) {
    if (kind == Kind.POSTGRES) {
      // One plain connection first: an unreachable server is then one error of ours, not Hikari's
      // logged stack trace.
      try (Connection probe = connect()) {
        probe.isValid(1);
      } catch (SQLException e) {
        throw new StoreException("cannot connect to DB (" + description + "): " + rootMessage(e), e);
      }
    }
    try (Connection first = ds.getConnection()) {
      first.rollback();
    } catch (SQLException | RuntimeException e) {
      throw new StoreException("cannot connect to DB (" + description + "): " + rootMessage(e), e);
    }
  }

  /** A connection outside the pool, auto-commit on. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  /** A connection outside the pool that PostgreSQL shows as {@code application_name} (H2 ignores it). */
  Connection connect(String applicationName) throws SQLException {
    Properties named = new Properties();
    named.putAll(properties);
    if (kind == Kind.POSTGRES) {
      named.setProperty("ApplicationName", applicationName);
    }
    return DriverManager.getConnection(jdbcUrl, named);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.replace('\n', ' ');
  }
}
