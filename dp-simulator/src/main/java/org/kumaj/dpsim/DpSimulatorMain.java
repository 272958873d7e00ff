package org.kumaj.dpsim;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark tool ({@code java -jar dp-simulator.jar bench ...}): creates the issue-6 mesh in
 * our control plane, connects simulated proxies and prints the measurements; see
 * {@link Benchmark}.
 */
@Command(name = "dp-simulator", mixinStandardHelpOptions = true,
    description = "Simulated kuma-dp + Envoy proxies for benchmarks of the control plane.",
    subcommands = {DpSimulatorMain.Bench.class})
public final class DpSimulatorMain implements Callable<Integer> {

  /** Runs the command line; exits with its status. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new DpSimulatorMain()).execute(args));
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 0;
  }

  /** {@code bench}: the measurements of issue 6. */
  @Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
      description = {
          "Creates <services> x <instances> Dataplanes (each with <outbounds> outbounds) in a mesh"
              + " of the control plane, connects a simulated proxy for each (POST /bootstrap,"
              + " then ADS) and measures: (c) mTLS switched on until all hold certificates,"
              + " (a) a new instance of svc-0 until every subscriber ACKed EDS, (b) mTLS STRICT"
              + " -> PERMISSIVE until all ACKed new listeners, heap per proxy and idle CPU of the"
              + " control plane, and (b) again from a bare java-control-plane SimpleCache"
              + " replaying the same snapshots. (b) runs --b-rounds times on each side (mTLS set"
              + " back to STRICT between rounds, untimed); the ratio compares the medians.",
          "Exit status: 0 when every proxy reached every condition, 2 when some did not."})
  static final class Bench implements Callable<Integer> {
    @Option(names = "--cp-host", defaultValue = "127.0.0.1",
        description = "Control plane host (bootstrap and ADS). Default: ${DEFAULT-VALUE}")
    String cpHost;

    @Option(names = "--dp-port", defaultValue = "5678",
        description = "dp-server port. Default: ${DEFAULT-VALUE}")
    int dpPort;

    @Option(names = "--api", defaultValue = "http://127.0.0.1:5681",
        description = "HTTP API (as admin from localhost). Default: ${DEFAULT-VALUE}")
    URI api;

    @Option(names = "--diagnostics", defaultValue = "http://127.0.0.1:5680",
        description = "Diagnostics server (/metrics). Default: ${DEFAULT-VALUE}")
    URI diagnostics;

    @Option(names = "--ca-file", defaultValue = "${sys:user.home}/.kuma/kuma-cp.crt",
        description = "PEM the control plane certificate must chain to"
            + " (<workDir>/kuma-cp.crt). Default: ${DEFAULT-VALUE}")
    Path caFile;

    @Option(names = "--token-source", defaultValue = "api",
        description = "none (KUMA_DP_SERVER_AUTHN_DP_PROXY_TYPE=none), api (POST /tokens/dataplane"
            + " per proxy) or file:<path>. Default: ${DEFAULT-VALUE}")
    String tokenSource;

    @Option(names = "--mesh", defaultValue = "bench", description = "Default: ${DEFAULT-VALUE}")
    String mesh;

    @Option(names = "--services", defaultValue = "500", description = "Default: ${DEFAULT-VALUE}")
    int services;

    @Option(names = "--instances", defaultValue = "2",
        description = "Dataplanes per service. Default: ${DEFAULT-VALUE}")
    int instances;

    @Option(names = "--outbounds", defaultValue = "10",
        description = "Outbounds per Dataplane. Default: ${DEFAULT-VALUE}")
    int outbounds;

    @Option(names = "--protocol", defaultValue = "http",
        description = "kuma.io/protocol of the inbounds. Default: ${DEFAULT-VALUE}")
    String protocol;

    @Option(names = "--mode", defaultValue = "SOTW",
        description = "SOTW or DELTA (DELTA also sends feature-delta-grpc). Default: ${DEFAULT-VALUE}")
    AdsMode mode;

    @Option(names = "--register", defaultValue = "api",
        description = "api (PUT each Dataplane first) or bootstrap (pass it in the bootstrap"
            + " request; stored on connect). Default: ${DEFAULT-VALUE}")
    String register;

    @Option(names = "--proxies-per-connection", defaultValue = "1",
        description = "Default: ${DEFAULT-VALUE} (one HTTP/2 connection per proxy, as Envoy)")
    int proxiesPerConnection;

    @Option(names = "--event-loop-threads", defaultValue = "2", description = "Default: ${DEFAULT-VALUE}")
    int eventLoopThreads;

    @Option(names = "--http-concurrency", defaultValue = "32",
        description = "Concurrent API/bootstrap requests. Default: ${DEFAULT-VALUE}")
    int httpConcurrency;

    @Option(names = "--timeout", defaultValue = "120",
        description = "Seconds each phase may take. Default: ${DEFAULT-VALUE}")
    int timeoutSeconds;

    @Option(names = "--idle-settle-seconds", defaultValue = "120",
        description = "Seconds with nothing changing before the idle CPU window, for the JIT"
            + " compilers to finish what the phases made hot. Default: ${DEFAULT-VALUE}")
    int idleSettleSeconds;

    @Option(names = "--idle-seconds", defaultValue = "60",
        description = "Idle CPU window (0 skips it). Default: ${DEFAULT-VALUE}")
    int idleSeconds;

    @Option(names = "--b-rounds", defaultValue = "5",
        description = "How many times (b) runs, on our side and on the baseline's; the ratio"
            + " compares the medians. Default: ${DEFAULT-VALUE}")
    int bRounds;

    @Option(names = "--cp-pid",
        description = "PID of the control plane: `jcmd <pid> GC.run` before each heap sample")
    String cpPid;

    @Option(names = "--no-baseline", negatable = true, defaultValue = "true",
        description = "Replay (b) on a bare SimpleCache (default: on)")
    boolean baseline;

    @Option(names = "--baseline-plaintext",
        description = "Run the SimpleCache without TLS (default: TLS, like the control plane)")
    boolean baselinePlaintext;

    @Option(names = "--baseline-only",
        description = "No control plane: measure a SimpleCache fed with synthetic Kuma-shaped"
            + " snapshots")
    boolean baselineOnly;

    @Option(names = "--no-cleanup", negatable = true, defaultValue = "true",
        description = "Delete the Dataplanes and the mesh afterwards (default: on)")
    boolean cleanup;

    @Override
    public Integer call() throws Exception {
      if (!register.equals("api") && !register.equals("bootstrap")) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "--register must be api or bootstrap");
      }
      Benchmark.Settings settings = new Benchmark.Settings(cpHost, dpPort, api, diagnostics,
          caFile, tokenSource, mesh, services, instances, outbounds, protocol, mode,
          register.equals("bootstrap"), proxiesPerConnection, eventLoopThreads, httpConcurrency,
          Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(idleSettleSeconds),
          Duration.ofSeconds(idleSeconds), Math.max(1, bRounds), cpPid, baseline,
          !baselinePlaintext, baselineOnly, cleanup);
      Benchmark.Report report = new Benchmark(settings, System.out).run();
      System.out.println();
      System.out.println("== summary ==");
      report.summary().forEach(System.out::println);
      return report.complete() ? 0 : 2;
    }
  }
}
