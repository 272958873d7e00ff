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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.query.NativeQuery;
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
 * schema by Flyway ({@link SchemaMigrations}), portable SQL in {@link StoreQueries}. Filtering,
 * ordering, paging and counting run in the
 * database; a page costs three queries whatever its size (the page, the labels of its resources
 * (one more per {@value #ID_CHUNK} resources) and the count, which the last page skips), a get
 * one. Labels live in their own table so that label filters are indexed SQL. Versions are optimistic ({@code UPDATE ... WHERE version = ?});
 * deleting a resource deletes what it owns, recursively, in the same transaction, and publishes one
 * event per deleted row once committed. On PostgreSQL a {@link PostgresEventListener} also publishes
 * the changes other instances make. Thread-safe.
 */
final class JpaResourceStore implements ResourceStore {
  private static final Logger LOG = LoggerFactory.getLogger("store");
  /** The most ids one statement names ({@code IN (...)}). */
  private static final int ID_CHUNK = 1000;
  private static final ObjectMapper JSON = Json.mapper();

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
  /** How many SQL statements Hibernate has prepared; lets tests prove a page costs O(1) queries. */
  private final LongAdder statements;
  private volatile boolean closed;

  private JpaResourceStore(StoreDatabase db, HikariDataSource pool, SessionFactory sessions, LongAdder statements,
      PostgresEventListener listener, Clock clock, EventBus events, Function<String, Optional<ResourceType>> types) {
    this.db = db;
    this.pool = pool;
    this.sessions = sessions;
    this.statements = statements;
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
   * Opens a store on {@code db}: connects, migrates H2 (or checks that PostgreSQL is migrated)
   * while the Hibernate session factory is built on another thread and, on PostgreSQL, starts
   * listening for other instances' changes.
   *
   * @param types finds a type by name, for cascaded deletes and other instances' events (types it
   *     does not know get no event)
   * @throws StoreException if the database cannot be reached or its schema does not fit
   */
  static JpaResourceStore open(StoreDatabase db, Clock clock, EventBus events,
      Function<String, Optional<ResourceType>> types, Duration listenerBaseBackoff, Duration listenerMaxBackoff) {
    String instance = UUID.randomUUID().toString();
    HikariDataSource pool = db.pool(instance);
    LongAdder statements = new LongAdder();
    // Hibernate needs no connection to boot: build it on a second core while the database opens.
    CompletableFuture<SessionFactory> boot = HibernateBoot.start(pool, db, statements);
    SessionFactory sessions = null;
    PostgresEventListener listener = null;
    try {
      db.connect(pool);
      SchemaMigrations.prepare(pool, db);
      sessions = HibernateBoot.await(boot, db);
      if (db.kind() == StoreDatabase.Kind.POSTGRES) {
        listener = new PostgresEventListener(db, instance, types, events, listenerBaseBackoff, listenerMaxBackoff);
        listener.start();
      }
      LOG.info("opened the store in {}", db.description());
      return new JpaResourceStore(db, pool, sessions, statements, listener, clock, events, types);
    } catch (RuntimeException e) {
      if (listener != null) {
        listener.close();
      }
      if (sessions != null) {
        sessions.close();
      } else {
        HibernateBoot.discard(boot);
      }
      pool.close();
      throw e;
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
    StoreQueries.Filter filter = StoreQueries.Filter.of(q);
    return read(s -> {
      List<ResourceRow> rows = List.of();
      boolean beyondInt = offset > Integer.MAX_VALUE;
      if (!beyondInt) {
        NativeQuery<ResourceRow> page = filter.bind(s.createNativeQuery(filter.page(), ResourceRow.class))
            .setFirstResult((int) offset);
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
        total = filter.bind(s.createNativeQuery(filter.count(), Long.class)).getSingleResult();
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

  private static Map<Long, Map<String, String>> labelsOf(StatelessSession s, List<ResourceRow> rows) {
    Map<Long, Map<String, String>> labels = new HashMap<>();
    for (int from = 0; from < rows.size(); from += ID_CHUNK) {
      List<Long> ids = rows.subList(from, Math.min(rows.size(), from + ID_CHUNK)).stream().map(r -> r.id).toList();
      for (LabelRow label : s.createNativeQuery(StoreQueries.LABELS_OF, LabelRow.class)
          .setParameter("ids", ids).getResultList()) {
        labels.computeIfAbsent(label.resourceId, k -> new HashMap<>()).put(label.key, label.value);
      }
    }
    return labels;
  }

  private record RowAndLabels(ResourceRow row, Map<String, String> labels) {}

  /** The row and its labels in one query. */
  private static Optional<RowAndLabels> findRow(StatelessSession s, ResourceKey key) {
    List<Object[]> result = byKey(s.createNativeQuery(StoreQueries.ROW_AND_LABELS, Object[].class)
        .addEntity("r", ResourceRow.class).addEntity("l", LabelRow.class), key).getResultList();
    if (result.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> labels = new HashMap<>();
    for (Object[] tuple : result) {
      if (tuple[1] instanceof LabelRow label) {
        labels.put(label.key, label.value);
      }
    }
    return Optional.of(new RowAndLabels((ResourceRow) result.get(0)[0], labels));
  }

  /** The id of the row of {@code key}. */
  private static Optional<Long> findId(StatelessSession s, ResourceKey key) {
    return byKey(s.createNativeQuery(StoreQueries.ID_OF, Long.class), key).uniqueResultOptional();
  }

  private static <T> NativeQuery<T> byKey(NativeQuery<T> query, ResourceKey key) {
    return query.setParameter("type", key.type().name())
        .setParameter("name", key.name())
        .setParameter("mesh", key.mesh());
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
          row.ownerId = findId(s, owner).orElseThrow(() -> ownerMissing(key, owner));
        }
        s.insert(row);
        insertLabels(s, row.id, resource.meta().labels());
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
      s.createNativeMutationQuery(StoreQueries.DELETE_LABELS).setParameter("id", id).setParameter("keys", removed)
          .executeUpdate();
    }
    Map<String, String> added = new LinkedHashMap<>();
    for (Map.Entry<String, String> label : now.entrySet()) {
      String before = old.get(label.getKey());
      if (before == null) {
        added.put(label.getKey(), label.getValue());
      } else if (!before.equals(label.getValue())) {
        s.update(new LabelRow(id, label.getKey(), label.getValue()));
      }
    }
    insertLabels(s, id, added);
  }

  /** Inserts all {@code labels} of resource {@code id} with one multi-row statement. */
  private static void insertLabels(StatelessSession s, Long id, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("INSERT INTO resource_labels (resource_id, label_key, label_value) VALUES ");
    for (int i = 0; i < labels.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(:id, :k").append(i).append(", :v").append(i).append(')');
    }
    var insert = s.createNativeMutationQuery(sql.toString()).setParameter("id", id);
    int i = 0;
    for (Map.Entry<String, String> label : labels.entrySet()) {
      insert.setParameter("k" + i, label.getKey()).setParameter("v" + i, label.getValue());
      i++;
    }
    insert.executeUpdate();
  }

  private record TreeNode(long id, String type, String mesh, String name, int depth) {}

  @Override
  public void delete(ResourceKey key) {
    guard(true, true);
    List<TreeNode> deleted;
    try {
      deleted = write(s -> {
        List<TreeNode> tree = lockTree(s, key);
        s.createNativeMutationQuery(StoreQueries.DELETE_ROW).setParameter("id", tree.get(0).id())
            .executeUpdate(); // the owner FK cascades to the rest
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
  private static List<TreeNode> lockTree(StatelessSession s, ResourceKey key) {
    Set<Long> locked = new HashSet<>();
    while (true) {
      List<Object[]> rows = s.createNativeQuery(StoreQueries.TREE, Object[].class)
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
      for (int from = 0; from < fresh.size(); from += ID_CHUNK) {
        s.createNativeQuery(StoreQueries.LOCK, Object.class)
            .setParameter("ids", fresh.subList(from, Math.min(fresh.size(), from + ID_CHUNK)))
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

  /** The number of SQL statements run so far (not counting commits). */
  long statementsExecuted() {
    return statements.sum();
  }

  @Override
  public String toString() {
    return "JpaResourceStore[" + db.description() + "]";
  }
}
