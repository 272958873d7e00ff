package org.kumaj.cp.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Builds the Hibernate session factory of a durable store, cheaply: no database round trip (the
 * dialect follows from the product name and the schema is Flyway's), no bytecode provider (the
 * entities have no lazy associations, so no proxies are needed, and ByteBuddy's thousand classes are
 * never loaded), and on a thread of its own so that it overlaps with opening the database.
 * Stateless; thread-safe.
 */
final class HibernateBoot {
  private HibernateBoot() {}

  /**
   * Starts building the session factory on a new daemon thread. {@code dataSource} is only used
   * once the factory opens sessions, so it may still be connecting.
   *
   * @param statements counts every SQL statement prepared
   */
  static CompletableFuture<SessionFactory> start(DataSource dataSource, StoreDatabase db, LongAdder statements) {
    CompletableFuture<SessionFactory> result = new CompletableFuture<>();
    Thread boot = new Thread(() -> {
      try {
        result.complete(build(dataSource, db, statements));
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    }, "store-hibernate-boot");
    boot.setDaemon(true);
    boot.start();
    return result;
  }

  /**
   * Waits for {@link #start}'s factory.
   *
   * @throws StoreException if it could not be built
   */
  static SessionFactory await(CompletableFuture<SessionFactory> boot, StoreDatabase db) {
    try {
      return boot.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new StoreException("cannot start Hibernate on " + db.description() + ": " + cause.getMessage(), cause);
    }
  }

  /** Closes the factory of {@code boot} once built, whether or not anybody waited for it. */
  static void discard(CompletableFuture<SessionFactory> boot) {
    boot.thenAccept(SessionFactory::close);
  }

  private static SessionFactory build(DataSource dataSource, StoreDatabase db, LongAdder statements) {
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrapRegistry())
        .applySetting("hibernate.connection.datasource", dataSource)
        .applySetting("hibernate.connection.provider_disables_autocommit", "true")
        .applySetting("jakarta.persistence.database-product-name", db.productName())
        .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
        .applySetting("hibernate.hbm2ddl.auto", "none")
        .applySetting("jakarta.persistence.validation.mode", "none")
        .applySetting("hibernate.query.in_clause_parameter_padding", "true")
        .applySetting("hibernate.session_factory.statement_inspector", (StatementInspector) sql -> {
          statements.increment();
          return sql;
        })
        .build();
    try {
      return new MetadataSources(registry)
          .addAnnotatedClass(ResourceRow.class)
          .addAnnotatedClass(LabelRow.class)
          .buildMetadata()
          .buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  /**
   * Hibernate 6.6 finds its bytecode provider as a Java service (ignoring
   * {@code hibernate.bytecode.provider}); this class-loader service answers that lookup with the
   * no-op provider and delegates everything else to Hibernate's own.
   */
  private static BootstrapServiceRegistry bootstrapRegistry() {
    ClassLoader loader = HibernateBoot.class.getClassLoader();
    ClassLoaderService standard = new ClassLoaderServiceImpl(loader);
    List<BytecodeProvider> none = List.of(new org.hibernate.bytecode.internal.none.BytecodeProviderImpl());
    ClassLoaderService noBytecode = (ClassLoaderService) Proxy.newProxyInstance(loader,
        new Class<?>[] {ClassLoaderService.class}, (proxy, method, args) -> {
          if (method.getName().equals("loadJavaServices") && args[0] == BytecodeProvider.class) {
            return none;
          }
          try {
            return method.invoke(standard, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    return new BootstrapServiceRegistryBuilder().applyClassLoaderService(noBytecode).build();
  }
}
