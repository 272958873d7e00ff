package org.kumaj.dpsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** The benchmark tool, small, against a fake control plane and in baseline-only mode. */
class BenchmarkTest {
  @TempDir
  Path dir;

  private static Benchmark.Settings settings(FakeControlPlane cp, AdsMode mode,
      boolean baselineOnly) {
    return new Benchmark.Settings("127.0.0.1", cp == null ? 1 : cp.dpPort(),
        cp == null ? null : cp.api.url(), cp == null ? null : cp.diagnostics.url(),
        cp == null ? null : cp.caFile, "api", "bench", 6, 2, 2, "http", mode, false, 1, 1, 4,
        Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofMillis(200), 2, null, true, true, baselineOnly, true);
  }

  @ParameterizedTest
  @EnumSource(AdsMode.class)
  void measuresAgainstAControlPlaneAndTheSimpleCacheBaseline(AdsMode mode) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Benchmark.Report report;
    try (FakeControlPlane cp = new FakeControlPlane(dir)) {
      report = new Benchmark(settings(cp, mode, false),
          new PrintStream(log, true, StandardCharsets.UTF_8)).run();

      // (b) twice, with mTLS set back to STRICT between the rounds
      assertThat(cp.meshPuts).containsExactly("", "STRICT", "PERMISSIVE", "STRICT", "PERMISSIVE");
      assertThat(cp.tokens.get()).isEqualTo(12);
      assertThat(cp.bootstraps.get()).isEqualTo(12);
      assertThat(cp.ads.authorizations()).contains("token-svc-0-0", "token-svc-5-1");
      assertThat(cp.ads.nacks()).isEmpty();
      assertThat(cp.dataplanes).isEmpty();
      assertThat(cp.deletes.get()).isEqualTo(14);
    }
    String output = log.toString(StandardCharsets.UTF_8);
    assertThat(report.complete()).as(output).isTrue();
    assertThat(report.initial().count()).isEqualTo(12);
    assertThat(report.mtlsOn().count()).isEqualTo(12);
    assertThat(report.newInstance().count()).isEqualTo(4);
    assertThat(report.permissive()).hasSize(2).allMatch(round -> round.count() == 12);
    assertThat(report.baselinePermissive()).hasSize(2).allMatch(round -> round.count() == 12);
    assertThat(report.ratio()).isPositive();
    assertThat(report.heapPerProxyBytes()).isEqualTo(100_000.0);
    assertThat(report.idleCpuPercent()).isZero();
    assertThat(output).contains("baseline: SimpleCache at 127.0.0.1:")
        .contains("letting the control plane settle for PT0.1S before the idle window")
        .contains("CPU of the control plane while settling: 0.00 % of one core");
    assertThat(String.join("\n", report.summary()))
        .contains("12 proxies (6 services x 2 instances, 2 outbounds each), " + mode)
        .contains("(a) new instance -> every subscriber ACKed EDS: p50 ")
        .contains("(b) STRICT -> PERMISSIVE -> all ACKed listeners: ")
        .contains("(c) mTLS on -> all hold certificates, ACKed: ")
        .contains("(b) rounds, all ACKed: ")
        .contains("baseline (b) rounds, all ACKed: ")
        .contains("ratio (b) ours / SimpleCache, medians of 2 rounds (all ACKed): ")
        .contains("heap per connected proxy: 97.7 KiB  [target <= 0.25 MiB: PASS]")
        .contains("idle CPU of the control plane over 0s, after 0s settling: 0.00 % of one core");
  }

  @Test
  void baselineOnlyNeedsNoControlPlane() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Benchmark.Report report = new Benchmark(settings(null, AdsMode.SOTW, true),
        new PrintStream(log, true, StandardCharsets.UTF_8)).run();

    assertThat(report.complete()).as(log.toString(StandardCharsets.UTF_8)).isTrue();
    assertThat(report.baselinePermissive()).isNull();
    assertThat(report.newInstance().count()).isEqualTo(4);
    assertThat(report.summary()).anyMatch(l -> l.contains("SimpleCache only"));
  }

  @Test
  void commandLineOptions() {
    DpSimulatorMain.Bench defaults = new DpSimulatorMain.Bench();
    new CommandLine(defaults).parseArgs();
    assertThat(defaults.baseline).isTrue();
    assertThat(defaults.cleanup).isTrue();
    assertThat(defaults.services).isEqualTo(500);
    assertThat(defaults.mode).isEqualTo(AdsMode.SOTW);
    assertThat(defaults.bRounds).isEqualTo(5);

    DpSimulatorMain.Bench off = new DpSimulatorMain.Bench();
    new CommandLine(off).parseArgs("--no-baseline", "--no-cleanup", "--mode", "DELTA", "--b-rounds", "3");
    assertThat(off.baseline).isFalse();
    assertThat(off.cleanup).isFalse();
    assertThat(off.mode).isEqualTo(AdsMode.DELTA);
    assertThat(off.bRounds).isEqualTo(3);
  }

  @Test
  void commandLineRunsTheBenchmark() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    int status;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      status = new CommandLine(new DpSimulatorMain()).execute("bench", "--baseline-only",
          "--services", "4", "--instances", "1", "--outbounds", "2", "--idle-seconds", "0",
          "--mode", "DELTA", "--baseline-plaintext");
    } finally {
      System.setOut(saved);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(text).isZero();
    assertThat(text).contains("== summary ==").contains("4 proxies (4 services x 1 instances");
  }
}
