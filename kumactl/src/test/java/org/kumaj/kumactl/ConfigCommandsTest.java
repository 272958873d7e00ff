package org.kumaj.kumactl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kumactl config control-planes add}: the checks it makes before writing the configuration. */
class ConfigCommandsTest {
  @TempDir
  Path home;

  private Run add(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "--config-file";
    all[1] = home.resolve("config").toString();
    all[2] = "config";
    all[3] = "control-planes";
    all[4] = "add";
    System.arraycopy(args, 0, all, 5, args.length);
    return Run.kumactl(home, all);
  }

  @Test
  void checksThatTheAddressIsOurControlPlane() {
    try (FakeControlPlane other = new FakeControlPlane()) {
      other.answer("/", 200, "{\"product\":\"OtherProduct\",\"version\":\"1.0.0\"}");
      Run run = add("--name", "example", "--address", other.url());
      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.out() + run.err()).isEqualTo("Error: this CLI is for KumaJ but the control plane you're"
          + " connected to is OtherProduct. Please use the CLI for your control plane\n");
      assertThat(home.resolve("config")).content().doesNotContain("example");
    }
  }

  @Test
  void unreachableAddressIsRefusedUnlessTheCheckIsSkipped() {
    Run run = add("--name", "example", "--address", "http://127.0.0.1:1");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: could not connect to the Control Plane API Server: Get"
        + " \"http://127.0.0.1:1/\": dial tcp 127.0.0.1:1: connect: connection refused (context \"example\")\n");
    assertThat(add("--name", "example", "--address", "http://127.0.0.1:1", "--skip-check").exit()).isZero();
  }

  @Test
  void argumentsAreValidated() {
    assertThat(add("--name", "x", "--address", "not a url").err())
        .isEqualTo("Error: API Server URL is invalid: parse \"not a url\": invalid URI for request\n");
    assertThat(add("--name", "x", "--address", "http://a", "--client-cert-file", "c.pem").err())
        .isEqualTo("Error: Both --client-cert-file and --client-key-file needs to be specified\n");
    assertThat(add("--name", "x", "--address", "http://a", "--auth-type", "unknown").err())
        .isEqualTo("Error: authentication plugin of type \"unknown\" is not found\n");
    assertThat(add("--name", "x", "--address", "http://a", "--auth-type", "tokens").err())
        .isEqualTo("Error: --auth-conf is not valid: provide token=YOUR_TOKEN\n");
  }

  @Test
  void storesTokensAndSkipVerifyInKumasFormat() throws Exception {
    Run run = add("--name", "secure", "--address", "https://cp:5682", "--skip-check", "--skip-verify",
        "--auth-type", "tokens", "--auth-conf", "token=abc");
    assertThat(run.exit()).isZero();
    assertThat(Files.readString(home.resolve("config"))).isEqualTo("""
        contexts:
        - controlPlane: local
          name: local
        - controlPlane: secure
          name: secure
        controlPlanes:
        - coordinates:
            apiServer:
              url: http://localhost:5681
          name: local
        - coordinates:
            apiServer:
              authConf:
                token: abc
              authType: tokens
              skipVerify: true
              url: https://cp:5682
          name: secure
        currentContext: secure
        """);
  }
}
