package org.kumaj.dpsim;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The measurements of issue 6, "Measure": N proxies connect; (c) mTLS switched on until all hold
 * certificates and ACKed; (a) one new instance until every subscriber ACKed its EDS update;
 * (b) mTLS STRICT to PERMISSIVE until all ACKed new listeners; heap per connected proxy and idle
 * CPU of the control plane; then the same (b) pushed by a bare SimpleCache replaying exactly the
 * snapshots the proxies accepted before and after (b), and the ratio of the two. Every latency is
 * from just before the change is submitted to the ACK after which the proxy's condition held.
 *
 * <p>(b) runs {@code bRounds} times on each side, with an untimed switch back (to STRICT, or to the
 * pre-(b) snapshots) between rounds. With the control plane, the simulator and the baseline sharing
 * a few cores, one round of either side varies by tens of percent from run to run, so the ratio is
 * that of the two medians; the first round of each is reported as well.
 */
final class Benchmark {

  /** What to run against and how. */
  record Settings(
      String cpHost, int dpPort, URI apiUrl, URI diagnosticsUrl, Path caFile, String tokenSource,
      String mesh, int services, int instances, int outbounds, String protocol, AdsMode mode,
      boolean registerViaBootstrap, int proxiesPerConnection, int eventLoopThreads,
      int httpConcurrency, Duration timeout, Duration idleSettle, Duration idle, int bRounds, String cpPid,
      boolean baseline,
      boolean baselineTls, boolean baselineOnly, boolean cleanup) {

    URI dpServerUrl() {
      return URI.create("https://" + cpHost + ":" + dpPort);
    }

    int proxies() {
      return services * instances;
    }
  }

  /**
   * The results; NaN / null where something was not measured.
   *
   * @param permissive every round of (b), the first one first
   * @param baselinePermissive every round of the baseline's (b), or null when it did not run
   * @param ratio the median "all ACKed" time of our rounds over that of the baseline's
   */
  record Report(Stats initial, Stats mtlsOn, Stats newInstance, List<Stats> permissive,
      List<Stats> baselinePermissive, double ratio, double heapPerProxyBytes, double idleCpuPercent,
      List<String> summary) {

    boolean complete() {
      return initial.complete() && mtlsOn.complete() && newInstance.complete()
          && permissive.stream().allMatch(Stats::complete)
          && (baselinePermissive == null || baselinePermissive.stream().allMatch(Stats::complete));
    }
  }

  /** A prepared change whose propagation is measured from just before {@link #submit()}. */
  @FunctionalInterface
  interface Change {
    void submit() throws IOException;
  }

  private static final String EXTRA_OF = "svc-0";

  private final Settings s;
  private final PrintStream log;
  /** Whose CPU time a phase reports: the control plane's phases only, not the baseline's. */
  private BenchTarget cpuOf;
  /** Control-plane CPU seconds per phase title (NaN when unknown). */
  private final Map<String, Double> phaseCpu = new LinkedHashMap<>();

  Benchmark(Settings settings, PrintStream log) {
    this.s = settings;
    this.log = log;
  }

  Report run() throws IOException {
    Topology topology = Topology.generate(s.services(), s.instances(), s.outbounds());
    List<Topology.Instance> all = topology.instances();
    try (BenchTarget target = s.baselineOnly() ? new SyntheticTarget(s) : new ControlPlaneTarget(s);
        DpSimulator simulator = DpSimulator.builder()
            .eventLoopThreads(s.eventLoopThreads())
            .proxiesPerConnection(s.proxiesPerConnection())
            .build()) {
      log.println("target: " + target.describe());
      cpuOf = target;
      long t = System.nanoTime();
      target.setUp(all);
      log.printf(Locale.ROOT, "set up mesh %s and %d Dataplanes in %s%n", s.mesh(), all.size(),
          Stats.ms(System.nanoTime() - t));
      OptionalDouble heapBefore = target.heapUsedBytes();

      long connectStart = System.nanoTime();
      List<SimulatedProxy> proxies = target.connect(simulator, all);
      Stats initial = phase("initial config complete", proxies, p -> Condition.graphComplete(),
          connectStart, () -> { });
      OptionalDouble heapAfter = target.heapUsedBytes();

      Stats mtlsOn = phase("(c) mTLS on -> all hold certificates and ACKed", proxies,
          p -> Condition.hasCertificates(), target.mtls("STRICT"));

      Topology.Instance extra = topology.extraInstance(EXTRA_OF);
      List<SimulatedProxy> subscribers = byIds(proxies, topology.subscribersOf(EXTRA_OF));
      Stats newInstance = phase("(a) new instance of " + EXTRA_OF + " -> subscribers ACKed EDS",
          subscribers, p -> Condition.hasEndpoint(extra.endpoint()),
          target.addInstance(extra));

      Map<String, XdsView> before = views(proxies);
      List<Stats> permissive = new ArrayList<>();
      permissive.add(phase("(b) mTLS STRICT -> PERMISSIVE -> all ACKed new listeners",
          proxies, listenersChangedSince(before), target.mtls("PERMISSIVE")));
      Map<String, XdsView> after = views(proxies);
      for (int round = 2; round <= s.bRounds() && permissive.get(permissive.size() - 1).complete(); round++) {
        phase("reset before (b) round " + round + ": mTLS PERMISSIVE -> STRICT", proxies,
            listenersChangedSince(views(proxies)), target.mtls("STRICT"));
        permissive.add(phase("(b" + round + ") mTLS STRICT -> PERMISSIVE again -> all ACKed new listeners",
            proxies, listenersChangedSince(views(proxies)), target.mtls("PERMISSIVE")));
      }

      double cpu = idleCpuPercent(target);
      simulator.closeProxies(proxies);
      cpuOf = null;

      List<Stats> baseline = null;
      if (s.baseline() && !s.baselineOnly() && permissive.get(0).complete()) {
        baseline = replay(simulator, proxies, before, after);
      }
      if (s.cleanup()) {
        List<Topology.Instance> stored = new ArrayList<>(all);
        stored.add(extra);
        target.cleanUp(stored);
      }
      double heapPerProxy = heapBefore.isPresent() && heapAfter.isPresent()
          ? (heapAfter.getAsDouble() - heapBefore.getAsDouble()) / proxies.size() : Double.NaN;
      double ratio = baseline != null && baseline.stream().allMatch(Stats::complete)
          && permissive.stream().allMatch(Stats::complete)
          ? medianOfAll(permissive) / medianOfAll(baseline) : Double.NaN;
      List<String> summary = summary(target.heapMethod(), initial, mtlsOn, newInstance,
          permissive, baseline, ratio, heapPerProxy, cpu);
      summary.add("control-plane CPU time per phase (process_cpu_seconds_total, change to last ACK): "
          + String.join(", ", phaseCpu.entrySet().stream().map(e -> String.format(Locale.ROOT,
              "%s %.2f s", e.getKey(), e.getValue())).toList()));
      return new Report(initial, mtlsOn, newInstance, permissive, baseline, ratio, heapPerProxy,
          cpu, summary);
    }
  }

  /**
   * The same (b) from a bare SimpleCache: fresh proxies with the same node ids get the snapshots
   * our proxies accepted before (b), then the ones they accepted after it; as many rounds as ours,
   * the pre-(b) snapshots set again (untimed) between them.
   */
  private List<Stats> replay(DpSimulator simulator, List<SimulatedProxy> ours,
      Map<String, XdsView> before, Map<String, XdsView> after) throws IOException {
    try (BaselineServer server = s.baselineTls()
        ? BaselineServer.startTls() : BaselineServer.startPlaintext()) {
      log.println("baseline: SimpleCache at " + server.target() + " replays the accepted snapshots");
      ours.forEach(p -> server.setSnapshot(p.id(), before.get(p.id())));
      long start = System.nanoTime();
      List<SimulatedProxy> replay = new ArrayList<>(ours.size());
      for (SimulatedProxy p : ours) {
        replay.add(simulator.connect(server.target(), p.options().toBuilder()
            .nodeOnEveryRequest(true).nackPolicy(NackPolicy.never()).retainPayloads(false)
            .build()));
      }
      phase("baseline: initial config complete", replay,
          p -> sameNames(before.get(p.id())).and(Condition.graphComplete()), start, () -> { });
      List<Stats> rounds = new ArrayList<>();
      for (int round = 1; round <= s.bRounds() && (rounds.isEmpty() || rounds.get(rounds.size() - 1).complete());
          round++) {
        if (round > 1) {
          phase("baseline: reset before round " + round + ", the pre-(b) snapshots again", replay,
              listenersChangedSince(views(replay)),
              () -> ours.forEach(p -> server.setSnapshot(p.id(), before.get(p.id()))));
        }
        rounds.add(phase("baseline (b" + (round == 1 ? "" : round) + "): SimpleCache pushes the post-(b) snapshots",
            replay, listenersChangedSince(views(replay)),
            () -> ours.forEach(p -> server.setSnapshot(p.id(), after.get(p.id())))));
      }
      simulator.closeProxies(replay);
      return rounds;
    }
  }

  /** Every proxy: new listeners since {@code views} and a complete resource graph. */
  private static Function<SimulatedProxy, Condition> listenersChangedSince(Map<String, XdsView> views) {
    return p -> Condition.changed(XdsType.LISTENER, views.get(p.id())).and(Condition.graphComplete());
  }

  /** The median of the rounds' "all ACKed" times, in nanoseconds. */
  static double medianOfAll(List<Stats> rounds) {
    long[] all = rounds.stream().mapToLong(Stats::maxNanos).sorted().toArray();
    int mid = all.length / 2;
    return all.length % 2 == 1 ? all[mid] : (all[mid - 1] + all[mid]) / 2.0;
  }

  private static Condition sameNames(XdsView expected) {
    return Condition.of("holds the same resource names as the replayed snapshot", v -> {
      for (XdsType t : XdsType.values()) {
        if (!v.names(t).equals(expected.names(t))) {
          return false;
        }
      }
      return true;
    });
  }

  private Stats phase(String title, List<SimulatedProxy> proxies,
      Function<SimulatedProxy, Condition> condition, Change change) throws IOException {
    return phase(title, proxies, condition, -1, change);
  }

  /**
   * Registers the condition on every proxy, submits the change and waits (until the timeout) for
   * all; latencies are from {@code since} (or just before the change when negative).
   */
  private Stats phase(String title, List<SimulatedProxy> proxies,
      Function<SimulatedProxy, Condition> condition, long since, Change change)
      throws IOException {
    Map<SimulatedProxy, CompletableFuture<Long>> futures = new LinkedHashMap<>();
    for (SimulatedProxy p : proxies) {
      futures.put(p, p.when(condition.apply(p)));
    }
    double cpuBefore = since >= 0 ? Double.NaN : cpuSeconds(); // a connect phase began earlier
    long t0 = since >= 0 ? since : System.nanoTime();
    change.submit();
    long submitted = System.nanoTime();
    long deadline = submitted + s.timeout().toNanos();
    List<Long> latencies = new ArrayList<>(proxies.size());
    List<String> problems = new ArrayList<>();
    for (Map.Entry<SimulatedProxy, CompletableFuture<Long>> e : futures.entrySet()) {
      try {
        long acked = e.getValue().get(Math.max(0, deadline - System.nanoTime()),
            TimeUnit.NANOSECONDS);
        latencies.add(Math.max(0, acked - t0));
      } catch (TimeoutException ex) {
        e.getValue().cancel(false);
        problems.add(e.getKey().id() + ": not within " + s.timeout() + "; "
            + e.getKey().describeState());
      } catch (ExecutionException ex) {
        problems.add(ex.getCause().getMessage());
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", ex);
      }
    }
    Stats stats = Stats.of(latencies, proxies.size());
    double cpu = cpuSeconds() - cpuBefore;
    // "(a)", "(b2)" ...: only the timed phases of the control plane
    String key = title.startsWith("(") ? title.substring(0, title.indexOf(')') + 1) : null;
    if (key != null && !Double.isNaN(cpu)) {
      phaseCpu.put(key, cpu);
    }
    log.printf(Locale.ROOT, "%s: %s%s%s%n", title, stats,
        since >= 0 ? "" : ", change submitted in " + Stats.ms(submitted - t0),
        Double.isNaN(cpu) ? "" : String.format(Locale.ROOT, ", control-plane CPU %.2f s", cpu));
    for (String p : problems.subList(0, Math.min(3, problems.size()))) {
      log.println("  " + p);
    }
    if (problems.size() > 3) {
      log.println("  ... " + (problems.size() - 3) + " more");
    }
    return stats;
  }

  /** The control plane's CPU seconds so far, NaN when unknown or in the baseline phases. */
  private double cpuSeconds() throws IOException {
    if (cpuOf == null) {
      return Double.NaN;
    }
    OptionalDouble v = cpuOf.cpuSeconds();
    return v.isPresent() ? v.getAsDouble() : Double.NaN;
  }

  private double idleCpuPercent(BenchTarget target) throws IOException {
    if (s.idle().isZero()) {
      return Double.NaN;
    }
    OptionalDouble start = target.cpuSeconds();
    if (start.isEmpty()) {
      return Double.NaN;
    }
    if (!s.idleSettle().isZero()) {
      // The phases made new code hot; the JIT compilers finish it in the first minutes with
      // nothing changing. That is start-up work, not steady state, so it is logged apart.
      log.println("letting the control plane settle for " + s.idleSettle() + " before the idle window ...");
      double settling = cpuPercentOver(target, start.getAsDouble(), s.idleSettle());
      log.println(String.format(Locale.ROOT, "CPU of the control plane while settling: %.2f %% of one core",
          settling));
      start = target.cpuSeconds();
      if (start.isEmpty()) {
        return Double.NaN;
      }
    }
    log.println("measuring idle CPU of the control plane over " + s.idle() + " ...");
    return cpuPercentOver(target, start.getAsDouble(), s.idle());
  }

  /** The control plane's CPU over {@code window} from now, in % of one core; {@code start} is its CPU now. */
  private static double cpuPercentOver(BenchTarget target, double start, Duration window) throws IOException {
    long t0 = System.nanoTime();
    try {
      // a measurement window, not a wait for a condition
      Thread.sleep(window.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    OptionalDouble end = target.cpuSeconds();
    double seconds = (System.nanoTime() - t0) / 1e9;
    return end.isEmpty() ? Double.NaN : (end.getAsDouble() - start) / seconds * 100;
  }

  private static Map<String, XdsView> views(List<SimulatedProxy> proxies) {
    Map<String, XdsView> out = new LinkedHashMap<>();
    proxies.forEach(p -> out.put(p.id(), p.view()));
    return out;
  }

  private List<SimulatedProxy> byIds(List<SimulatedProxy> proxies,
      List<Topology.Instance> instances) {
    Map<String, SimulatedProxy> byId = new LinkedHashMap<>();
    proxies.forEach(p -> byId.put(p.id(), p));
    List<SimulatedProxy> out = new ArrayList<>();
    for (Topology.Instance i : instances) {
      SimulatedProxy p = byId.get(s.mesh() + "." + i.name());
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  private List<String> summary(String heapMethod, Stats initial, Stats mtlsOn, Stats newInstance,
      List<Stats> permissive, List<Stats> baseline, double ratio, double heapPerProxy, double cpu) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT,
        "%d proxies (%d services x %d instances, %d outbounds each), %s, %s, %d proxies per"
            + " connection, protocol %s", s.proxies(), s.services(), s.instances(),
        s.outbounds(), s.mode(), s.baselineOnly() ? "SimpleCache only" : "our control plane",
        s.proxiesPerConnection(), s.protocol()));
    lines.add("initial config complete (from the first connect): " + initial);
    lines.add("(a) new instance -> every subscriber ACKed EDS: " + newInstance + "  "
        + verdict(newInstance.complete() && newInstance.p99Nanos() < 200_000_000L,
            "p99 < 200 ms"));
    boolean allUnder2s = permissive.stream().allMatch(b -> b.complete() && b.maxNanos() < 2_000_000_000L);
    lines.add("(b) STRICT -> PERMISSIVE -> all ACKed listeners: " + permissive.get(0) + "  "
        + verdict(allUnder2s, "all < 2 s, every round"));
    lines.add("(b) rounds, all ACKed: " + rounds(permissive));
    lines.add("(c) mTLS on -> all hold certificates, ACKed: " + mtlsOn + "  "
        + verdict(mtlsOn.complete() && mtlsOn.maxNanos() < 10_000_000_000L, "all < 10 s"));
    if (baseline != null) {
      lines.add("baseline SimpleCache (b), same snapshots: " + baseline.get(0));
      lines.add("baseline (b) rounds, all ACKed: " + rounds(baseline));
      lines.add(String.format(Locale.ROOT,
          "ratio (b) ours / SimpleCache, medians of %d rounds (all ACKed): %.2f  %s; first rounds alone: %.2f",
          permissive.size(), ratio, verdict(!Double.isNaN(ratio) && ratio <= 1.3, "<= 1.3"),
          (double) permissive.get(0).maxNanos() / baseline.get(0).maxNanos()));
    } else if (!s.baselineOnly()) {
      lines.add("baseline SimpleCache (b): not run");
    }
    if (!Double.isNaN(heapPerProxy)) {
      lines.add(String.format(Locale.ROOT, "heap per connected proxy: %.1f KiB  %s  (%s)",
          heapPerProxy / 1024, verdict(heapPerProxy <= 262_144, "<= 0.25 MiB"), heapMethod));
    } else {
      lines.add("heap per connected proxy: not measured (" + heapMethod + ")");
    }
    if (!Double.isNaN(cpu)) {
      lines.add(String.format(Locale.ROOT,
          "idle CPU of the control plane over %ds, after %ds settling: %.2f %% of one core (%.2f %% of %d cores)  %s",
          s.idle().toSeconds(), s.idleSettle().toSeconds(), cpu, cpu / Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().availableProcessors(), verdict(cpu < 2, "< 2 % of one core")));
    } else {
      lines.add("idle CPU: not measured");
    }
    return lines;
  }

  /** Each round's "all ACKed" time and their median. */
  private static String rounds(List<Stats> rounds) {
    return String.join(", ", rounds.stream().map(r -> Stats.ms(r.maxNanos())).toList())
        + " (median " + Stats.ms((long) medianOfAll(rounds)) + ")";
  }

  private static String verdict(boolean pass, String target) {
    return "[target " + target + ": " + (pass ? "PASS" : "FAIL") + "]";
  }
}
