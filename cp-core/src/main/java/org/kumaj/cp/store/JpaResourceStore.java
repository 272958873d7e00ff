package org.kumaj.cp.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.OptimisticLockException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.query.SelectionQuery;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.events.EventBus;
import org.kumaj.cp.events.ResourceChangedEvent;
import org.kumaj.cp.events.ResourceChangedEvent.Operation;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.codec.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code h2} and {@code postgres} stores: Hibernate ORM (stateless sessions) on a Hikari pool,
 * schema by Flyway ({@link SchemaMigrations}). Filtering, ordering, paging and counting run in the
 * database; a page costs at most four queries whatever its size (page, labels of the page in chunks
 * of {@value #LABEL_CHUNK}, count). Versions are optimistic ({@code UPDATE ... WHERE version = ?});
 * deleting a resource deletes what it owns, recursively, in the same transaction, and publishes one
 * event per deleted row once committed. On PostgreSQL a {@link PostgresEventListener} also publishes
 * the changes other instances make. Thread-safe.
 */
final class JpaResourceStore implements ResourceStore {
  private static final Logger LOG = LoggerFactory.getLogger("store");
  private static final int LABEL_CHUNK = 1000;
  private static final ObjectMapper JSON = Json.mapper();
  private static final String TREE_SQL = """
      WITH RECURSIVE tree (id, type, mesh, name, depth) AS (
        SELECT id, type, mesh, name, 0 FROM resources WHERE type = :type AND name = :name AND mesh = :mesh
        UNION ALL
        SELECT c.id, c.type, c.mesh, c.name, t.depth + 1 FROM resources c JOIN tree t ON c.owner_id = t.id
      )
      SELECT id, type, mesh, name, depth FROM tree""";

  private final StoreDatabase db;
  private final HikariDataSource pool;
  private final SessionFactory sessions;
  private final PostgresEventListener listener;
  private final Clock clock;
  private final EventBus events;
  private final Function<String, Optional<ResourceType>> types;
  /**
   * On an embedded database, creates with an owner (read) and deletes (write) exclude each other
   * in-process, so that a child cannot be added to a tree while the tree is being deleted. On
   * PostgreSQL row locks do this across instances.
   */
  private final ReadWriteLock ownership;
  private volatile boolean closed;

  private JpaResourceStore(StoreDatabase db, HikariDataSource pool, SessionFactory sessions,
      PostgresEventListener listener, Clock clock, EventBus events, Function<String, Optional<ResourceType>> types) {
    this.db = db;
    this.pool = pool;
    this.sessions = sessions;
    this.listener = listener;
    this.clock = clock;
    this.events = events;
    this.types = types;
    this.ownership = db.embedded() ? new ReentrantReadWriteLock() : null;
  }

  /** Opens the store {@code store.type} ({@code h2} or {@code postgres}) of {@code config} names. */
  static JpaResourceStore open(KumaConfig config, Clock clock, EventBus events,
      Function<String, Optional<ResourceType>> types) {
    return open(StoreDatabase.of(config), clock, events, types,
        config.duration("general.resilientComponentBaseBackoff"),
        config.duration("general.resilientComponentMaxBackoff"));
  }

  /**
   * Opens a store on {@code db}: connects, migrates H2 (or checks that PostgreSQL is migrated),
   * builds the Hibernate session factory and, on PostgreSQL, starts listening for other instances'
   * changes.
   *
   * @param types finds a type by name, for cascaded deletes and other instances' events (types it
   *     does not know get no event)
   * @throws StoreException if the database cannot be reached or its schema does not fit
   */
  static JpaResourceStore open(StoreDatabase db, Clock clock, EventBus events,
      Function<String, Optional<ResourceType>> types, Duration listenerBaseBackoff, Duration listenerMaxBackoff) {
    String instance = UUID.randomUUID().toString();
    HikariDataSource pool = db.openPool(instance);
    SessionFactory sessions = null;
    PostgresEventListener listener = null;
    try {
      SchemaMigrations.prepare(pool, db);
      sessions = sessionFactory(pool, db);
      if (db.kind() == StoreDatabase.Kind.POSTGRES) {
        listener = new PostgresEventListener(db, instance, types, events, listenerBaseBackoff, listenerMaxBackoff);
        listener.start();
      }
      LOG.info("opened the store in {}", db.description());
      return new JpaResourceStore(db, pool, sessions, listener, clock, events, types);
    } catch (RuntimeException e) {
      if (listener != null) {
        listener.close();
      }
      if (sessions != null) {
        sessions.close();
      }
      pool.close();
      throw e;
    }
  }

  private static SessionFactory sessionFactory(HikariDataSource pool, StoreDatabase db) {
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
        .applySetting("hibernate.connection.datasource", pool)
        .applySetting("hibernate.connection.provider_disables_autocommit", "true")
        // The schema is Flyway's: no metadata round trips or DDL at start-up; the dialect follows
        // from the product name.
        .applySetting("jakarta.persistence.database-product-name", db.productName())
        .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
        .applySetting("hibernate.hbm2ddl.auto", "none")
        .applySetting("jakarta.persistence.validation.mode", "none")
        // No lazy associations, hence no proxies: skip the bytecode provider.
        .applySetting("hibernate.bytecode.provider", "none")
        .applySetting("hibernate.query.in_clause_parameter_padding", "true")
        .applySetting("hibernate.jdbc.batch_size", "50")
        .build();
    try {
      return new MetadataSources(registry)
          .addAnnotatedClass(ResourceRow.class)
          .addAnnotatedClass(LabelRow.class)
          .buildMetadata()
          .buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw new StoreException("cannot start Hibernate on " + db.description() + ": " + e.getMessage(), e);
    }
  }

  // ---- reads ----

  @Override
  public Optional<Resource> get(ResourceKey key) {
    return read(s -> findRow(s, key).map(rl -> toResource(key.type(), rl.row(), rl.labels())));
  }

  @Override
  public ResourceList list(ResourceQuery q) {
    long offset = StoreOffsets.parse(q.offset());
    return read(s -> {
      Filter filter = Filter.of(q);
      List<ResourceRow> rows = List.of();
      boolean beyondInt = offset > Integer.MAX_VALUE;
      if (!beyondInt) {
        SelectionQuery<ResourceRow> page = filter.bind(s.createSelectionQuery(
            "from ResourceRow r where " + filter.where + " order by r.name, r.mesh", ResourceRow.class));
        page.setFirstResult((int) offset);
        if (q.size() > 0) {
          page.setMaxResults(q.size());
        }
        rows = page.getResultList();
      }
      long total;
      boolean partialPage = q.size() == 0 || rows.size() < q.size();
      if (!beyondInt && partialPage && (!rows.isEmpty() || offset == 0)) {
        total = offset + rows.size(); // the last page: no need to count
      } else {
        total = filter.bind(s.createSelectionQuery(
            "select count(*) from ResourceRow r where " + filter.where, Long.class)).getSingleResult();
      }
      Map<Long, Map<String, String>> labels = labelsOf(s, rows);
      List<Resource> items = new ArrayList<>(rows.size());
      for (ResourceRow row : rows) {
        items.add(toResource(q.type(), row, labels.getOrDefault(row.id, Map.of())));
      }
      long end = offset + rows.size();
      String next = q.size() > 0 && end < total ? Long.toString(end) : null;
      return new ResourceList(items, total, next);
    });
  }

  /** The query's filters as HQL over {@code r}, with their parameters. */
  private record Filter(String where, Map<String, Object> params) {
    static Filter of(ResourceQuery q) {
      StringBuilder where = new StringBuilder("r.type = :type");
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("type", q.type().name());
      if (q.mesh() != null && q.type().isMeshScoped()) {
        where.append(" and r.mesh = :mesh");
        params.put("mesh", q.mesh());
      }
      if (q.nameContains() != null && !q.nameContains().isEmpty()) {
        where.append(" and r.name like :name escape '!'");
        params.put("name", "%" + q.nameContains().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
      }
      int i = 0;
      for (Map.Entry<String, String> label : q.labels().entrySet()) {
        where.append(" and exists (select 1 from LabelRow l where l.resourceId = r.id and l.key = :lk").append(i)
            .append(" and l.value = :lv").append(i).append(")");
        params.put("lk" + i, label.getKey());
        params.put("lv" + i, label.getValue());
        i++;
      }
      return new Filter(where.toString(), params);
    }

    <T> SelectionQuery<T> bind(SelectionQuery<T> query) {
      params.forEach(query::setParameter);
      return query;
    }
  }

  private static Map<Long, Map<String, String>> labelsOf(StatelessSession s, List<ResourceRow> rows) {
    Map<Long, Map<String, String>> labels = new HashMap<>();
    for (int from = 0; from < rows.size(); from += LABEL_CHUNK) {
      List<Long> ids = rows.subList(from, Math.min(rows.size(), from + LABEL_CHUNK)).stream().map(r -> r.id).toList();
      for (LabelRow l : s.createSelectionQuery("from LabelRow l where l.resourceId in :ids", LabelRow.class)
          .setParameter("ids", ids).getResultList()) {
        labels.computeIfAbsent(l.resourceId, k -> new HashMap<>()).put(l.key, l.value);
      }
    }
    return labels;
  }

  private record RowAndLabels(ResourceRow row, Map<String, String> labels) {}

  /** The row and its labels in one query. */
  private static Optional<RowAndLabels> findRow(StatelessSession s, ResourceKey key) {
    List<Object[]> result = s.createSelectionQuery(
            "select r, l from ResourceRow r left join LabelRow l on l.resourceId = r.id"
                + " where r.type = :type and r.name = :name and r.mesh = :mesh", Object[].class)
        .setParameter("type", key.type().name())
        .setParameter("name", key.name())
        .setParameter("mesh", key.mesh())
        .getResultList();
    if (result.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> labels = new HashMap<>();
    for (Object[] tuple : result) {
      if (tuple[1] instanceof LabelRow l) {
        labels.put(l.key, l.value);
      }
    }
    return Optional.of(new RowAndLabels((ResourceRow) result.get(0)[0], labels));
  }

  // ---- writes ----

  @Override
  public Resource create(Resource resource, ResourceKey owner) {
    ResourceKey key = resource.key();
    Instant now = now();
    ResourceRow row = new ResourceRow();
    row.type = key.type().name();
    row.mesh = key.mesh();
    row.name = key.name();
    row.version = 1L;
    row.spec = specJson(resource.spec());
    row.status = statusJson(resource.status());
    row.creationTime = now;
    row.modificationTime = now;
    guard(owner != null, false);
    try {
      write(s -> {
        if (owner != null) {
          row.ownerId = s.createSelectionQuery(
                  "select r.id from ResourceRow r where r.type = :type and r.name = :name and r.mesh = :mesh", Long.class)
              .setParameter("type", owner.type().name())
              .setParameter("name", owner.name())
              .setParameter("mesh", owner.mesh())
              .uniqueResultOptional()
              .orElseThrow(() -> ownerMissing(key, owner));
        }
        s.insert(row);
        for (Map.Entry<String, String> label : resource.meta().labels().entrySet()) {
          s.insert(new LabelRow(row.id, label.getKey(), label.getValue()));
        }
        return null;
      }, e -> switch (violation(e)) {
        case UNIQUE -> new ResourceAlreadyExistsException(key + " already exists", e);
        case FOREIGN_KEY -> ownerMissing(key, owner);
        default -> null;
      });
    } finally {
      unguard(owner != null, false);
    }
    events.publish(new ResourceChangedEvent(Operation.CREATE, key.type(), key.mesh(), key.name()));
    return resource.withMeta(resource.meta().stored(now, now, "1"));
  }

  private static ResourceNotFoundException ownerMissing(ResourceKey key, ResourceKey owner) {
    return new ResourceNotFoundException("owner " + owner + " of " + key + " does not exist");
  }

  @Override
  public Resource update(Resource resource) {
    ResourceKey key = resource.key();
    Instant now = now();
    String spec = specJson(resource.spec());
    String status = statusJson(resource.status());
    Map<String, String> labels = resource.meta().labels();
    Resource stored = write(s -> {
      RowAndLabels current = findRow(s, key).orElseThrow(() -> new ResourceNotFoundException(key + " does not exist"));
      ResourceRow row = current.row();
      if (!row.version.toString().equals(resource.meta().version())) {
        throw conflict(key, row.version.toString(), resource.meta().version());
      }
      row.spec = spec;
      row.status = status;
      row.modificationTime = now;
      s.update(row); // UPDATE ... WHERE id = ? AND version = ?, and bumps row.version
      updateLabels(s, row.id, current.labels(), labels);
      return resource.withMeta(resource.meta().stored(row.creationTime, now, row.version.toString()));
    }, e -> e instanceof StaleStateException || e instanceof OptimisticLockException
        ? conflict(key, "(changed concurrently)", resource.meta().version()) : null);
    events.publish(new ResourceChangedEvent(Operation.UPDATE, key.type(), key.mesh(), key.name()));
    return stored;
  }

  private static ResourceConflictException conflict(ResourceKey key, String stored, String given) {
    return new ResourceConflictException("version conflict on " + key + ": stored " + stored + ", given " + given);
  }

  private static void updateLabels(StatelessSession s, Long id, Map<String, String> old, Map<String, String> now) {
    if (old.equals(now)) {
      return;
    }
    List<String> removed = old.keySet().stream().filter(k -> !now.containsKey(k)).toList();
    if (!removed.isEmpty()) {
      s.createMutationQuery("delete from LabelRow l where l.resourceId = :id and l.key in :keys")
          .setParameter("id", id).setParameter("keys", removed).executeUpdate();
    }
    for (Map.Entry<String, String> label : now.entrySet()) {
      String before = old.get(label.getKey());
      if (before == null) {
        s.insert(new LabelRow(id, label.getKey(), label.getValue()));
      } else if (!before.equals(label.getValue())) {
        s.update(new LabelRow(id, label.getKey(), label.getValue()));
      }
    }
  }

  private record TreeNode(long id, String type, String mesh, String name, int depth) {}

  @Override
  public void delete(ResourceKey key) {
    guard(true, true);
    List<TreeNode> deleted;
    try {
      deleted = write(s -> {
        List<TreeNode> tree = lockTree(s, key);
        s.createMutationQuery("delete from ResourceRow r where r.id = :id")
            .setParameter("id", tree.get(0).id()).executeUpdate(); // the owner FK cascades to the rest
        return tree;
      }, e -> null);
    } finally {
      unguard(true, true);
    }
    List<TreeNode> ordered = new ArrayList<>(deleted);
    ordered.sort(Comparator.comparingInt(TreeNode::depth).reversed()); // owned ones first, as memory does
    for (TreeNode n : ordered) {
      Optional<ResourceType> type = n.depth() == 0 ? Optional.of(key.type()) : types.apply(n.type());
      if (type.isPresent()) {
        events.publish(new ResourceChangedEvent(Operation.DELETE, type.get(), n.mesh(), n.name()));
      } else {
        LOG.warn("no event for the cascaded delete of {} {}/{}: unknown type", n.type(), n.mesh(), n.name());
      }
    }
  }

  /**
   * Finds the resource and everything it owns, and locks them all ({@code FOR UPDATE}), repeating
   * until no new owned row shows up, so that nothing is added to the tree before it is deleted.
   */
  @SuppressWarnings("unchecked")
  private static List<TreeNode> lockTree(StatelessSession s, ResourceKey key) {
    Set<Long> locked = new HashSet<>();
    while (true) {
      List<Object[]> rows = s.createNativeQuery(TREE_SQL, Object[].class)
          .setParameter("type", key.type().name())
          .setParameter("name", key.name())
          .setParameter("mesh", key.mesh())
          .getResultList();
      if (rows.isEmpty()) {
        throw new ResourceNotFoundException(key + " does not exist");
      }
      List<TreeNode> tree = new ArrayList<>(rows.size());
      List<Long> fresh = new ArrayList<>();
      for (Object[] r : rows) {
        TreeNode n = new TreeNode(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
            ((Number) r[4]).intValue());
        tree.add(n);
        if (!locked.contains(n.id())) {
          fresh.add(n.id());
        }
      }
      tree.sort(Comparator.comparingInt(TreeNode::depth));
      if (fresh.isEmpty()) {
        return tree;
      }
      for (int from = 0; from < fresh.size(); from += LABEL_CHUNK) {
        s.createNativeQuery("SELECT id FROM resources WHERE id IN (:ids) FOR UPDATE", Object.class)
            .setParameter("ids", fresh.subList(from, Math.min(fresh.size(), from + LABEL_CHUNK)))
            .getResultList();
      }
      locked.addAll(fresh);
    }
  }

  // ---- plumbing ----

  @Override
  public void ping() {
    try (Connection c = pool.getConnection()) {
      if (!c.isValid(5)) {
        throw new StoreException(db.description() + " does not answer");
      }
    } catch (SQLException e) {
      throw new StoreException(db.description() + " does not answer: " + StoreDatabase.rootMessage(e), e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (listener != null) {
      listener.close();
    }
    sessions.close();
    pool.close();
  }

  private <T> T read(Function<StatelessSession, T> work) {
    return write(work, e -> null);
  }

  /**
   * Runs {@code work} in one transaction. A failure is rolled back and rethrown as a
   * {@link StoreException}: ours as they are, others as {@code translate} maps them or, when it
   * returns {@code null}, wrapped.
   */
  private <T> T write(Function<StatelessSession, T> work, Function<RuntimeException, StoreException> translate) {
    try (StatelessSession s = sessions.openStatelessSession()) {
      Transaction tx = s.beginTransaction();
      try {
        T result = work.apply(s);
        tx.commit();
        return result;
      } catch (RuntimeException e) {
        rollback(tx);
        throw e;
      }
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      StoreException translated = translate.apply(e);
      if (translated != null) {
        throw translated;
      }
      throw new StoreException("store operation on " + db.description() + " failed: "
          + StoreDatabase.rootMessage(e), e);
    }
  }

  private static void rollback(Transaction tx) {
    try {
      if (tx.isActive()) {
        tx.rollback();
      }
    } catch (RuntimeException e) {
      LOG.debug("rollback failed", e);
    }
  }

  /** Which constraint a failed statement violated. */
  private enum Violation { UNIQUE, FOREIGN_KEY, OTHER }

  /** Classifies by SQL state: 23505 unique; 23503 (PostgreSQL) or 23506 (H2) missing parent. */
  private static Violation violation(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConstraintViolationException cve) {
        String state = cve.getSQLState();
        if ("23505".equals(state) || cve.getKind() == ConstraintKind.UNIQUE) {
          return Violation.UNIQUE;
        }
        if ("23503".equals(state) || "23506".equals(state)) {
          return Violation.FOREIGN_KEY;
        }
        return Violation.OTHER;
      }
    }
    return Violation.OTHER;
  }

  private void guard(boolean needed, boolean exclusive) {
    if (ownership != null && needed) {
      (exclusive ? ownership.writeLock() : ownership.readLock()).lock();
    }
  }

  private void unguard(boolean needed, boolean exclusive) {
    if (ownership != null && needed) {
      (exclusive ? ownership.writeLock() : ownership.readLock()).unlock();
    }
  }

  /** Now, at the precision both databases keep (microseconds), so what we return is what we read. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String specJson(ResourceSpec spec) {
    try {
      return JSON.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot serialise the spec: " + e.getOriginalMessage(), e);
    }
  }

  private static String statusJson(ObjectNode status) {
    return status == null ? null : status.toString();
  }

  private static Resource toResource(ResourceType type, ResourceRow row, Map<String, String> labels) {
    try {
      ResourceSpec spec = JSON.readValue(row.spec, type.specClass());
      ObjectNode status = row.status == null ? null : (ObjectNode) JSON.readTree(row.status);
      ResourceMeta meta = new ResourceMeta(row.name, type.isMeshScoped() ? row.mesh : null, labels,
          row.creationTime, row.modificationTime, row.version.toString());
      return new Resource(type, meta, spec, status);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new StoreException("stored " + type.name() + " " + row.mesh + "/" + row.name
          + " cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "JpaResourceStore[" + db.description() + "]";
  }
}
