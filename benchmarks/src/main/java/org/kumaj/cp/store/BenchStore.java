package org.kumaj.cp.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.kumaj.cp.config.ConfigLoader;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.events.EventBus;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.mesh.Dataplane;

/**
 * A store of one backend ({@code memory}, {@code h2} or {@code postgres}) on a fresh, throw-away
 * database, for benchmarks: H2 in a temporary directory, PostgreSQL as a new database on the server
 * named by the system properties {@code bench.pg.host} (127.0.0.1), {@code bench.pg.port} (5432),
 * {@code bench.pg.user} (postgres) and {@code bench.pg.password}, dropped by {@link #close}. Not
 * thread-safe (the store itself is).
 */
public final class BenchStore implements AutoCloseable {
  private static final String PG_HOST = System.getProperty("bench.pg.host", "127.0.0.1");
  private static final String PG_PORT = System.getProperty("bench.pg.port", "5432");
  private static final String PG_USER = System.getProperty("bench.pg.user", "postgres");
  private static final String PG_PASSWORD = System.getProperty("bench.pg.password", "");

  private final ResourceStore store;
  private final Runnable cleanup;

  private BenchStore(ResourceStore store, Runnable cleanup) {
    this.store = store;
    this.cleanup = cleanup;
  }

  /** Opens a store of {@code backend} on an empty database. */
  public static BenchStore open(String backend) {
    EventBus events = new EventBus();
    return switch (backend) {
      case "memory" -> new BenchStore(new MemoryResourceStore(Clock.systemUTC(), events), () -> {});
      case "h2" -> {
        Path dir = tempDir();
        StoreDatabase db = StoreDatabase.h2(dir.resolve("kuma-store"));
        ResourceStore s = JpaResourceStore.open(db, Clock.systemUTC(), events, BenchStore::type,
            java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(10));
        yield new BenchStore(s, () -> deleteTree(dir));
      }
      case "postgres" -> {
        String name = "kumaj_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        KumaConfig config = postgresConfig(name);
        SchemaMigrations.migrateUp(config);
        ResourceStore s = JpaResourceStore.open(config, Clock.systemUTC(), events, BenchStore::type);
        yield new BenchStore(s, () -> admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
      }
      default -> throw new IllegalArgumentException("unknown backend " + backend + " (memory, h2, postgres)");
    };
  }

  public ResourceStore store() {
    return store;
  }

  /** Creates {@code count} dataplanes named {@code dp-00000}... in {@code mesh}. */
  public void populate(String mesh, int count) {
    for (int i = 0; i < count; i++) {
      store.create(dataplane(mesh, name(i), i), null);
    }
  }

  public static String name(int i) {
    return String.format("dp-%05d", i);
  }

  /** A sidecar dataplane with one inbound, two outbounds and three labels. */
  public static Resource dataplane(String mesh, String name, int i) {
    Dataplane.Inbound inbound = new Dataplane.Inbound(8080, 80, null, null,
        Map.of("kuma.io/service", "svc-" + (i % 50), "kuma.io/protocol", "http", "version", "v" + (i % 3)),
        null, null, null, null, null);
    List<Dataplane.Outbound> outbounds = List.of(
        new Dataplane.Outbound(null, 10001, Map.of("kuma.io/service", "backend"), null),
        new Dataplane.Outbound(null, 10002, Map.of("kuma.io/service", "db"), null));
    Dataplane.Networking net = new Dataplane.Networking("10.0." + (i / 250 % 256) + "." + (i % 250 + 1), null,
        null, List.of(inbound), outbounds, null, null, null);
    Map<String, String> labels = Map.of("kuma.io/mesh", mesh, "kuma.io/zone", "zone-1", "team", "t" + (i % 10));
    return new Resource(Dataplane.TYPE, ResourceMeta.of(mesh, name, labels), new Dataplane(net, null, null));
  }

  private static Optional<ResourceType> type(String name) {
    return ResourceTypes.byName(name);
  }

  private static KumaConfig postgresConfig(String db) {
    Map<String, String> env = new HashMap<>();
    env.put("KUMA_STORE_TYPE", "postgres");
    env.put("KUMA_STORE_POSTGRES_HOST", PG_HOST);
    env.put("KUMA_STORE_POSTGRES_PORT", PG_PORT);
    env.put("KUMA_STORE_POSTGRES_USER", PG_USER);
    env.put("KUMA_STORE_POSTGRES_PASSWORD", PG_PASSWORD.isEmpty() ? "unused" : PG_PASSWORD);
    env.put("KUMA_STORE_POSTGRES_DB_NAME", db);
    return new ConfigLoader().load(null, env, Map.of(), w -> {});
  }

  private static void admin(String sql) {
    String url = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";
    try (Connection c = DriverManager.getConnection(url, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("kumaj-bench");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    store.close();
    cleanup.run();
  }
}
