package org.kumaj.kumactl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line handling: cobra's messages and exit codes for bad flags, arguments and commands; configuration loading. */
class CommandLineTest {
  @TempDir
  Path home;

  private Run kumactl(String... args) {
    return Run.kumactl(home, args);
  }

  @Test
  void unknownLongFlagIsAnErrorWithUsage() {
    Run run = kumactl("get", "meshes", "--foo");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: unknown flag: --foo\n");
    assertThat(run.out()).startsWith("Usage:\n  kumactl get meshes [flags]\n");
  }

  @Test
  void unknownShorthandFlagIsAnError() {
    Run run = kumactl("get", "meshes", "-x");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: unknown shorthand flag: 'x' in -x\n");
  }

  @Test
  void flagWithoutItsValueIsAnError() {
    assertThat(kumactl("get", "meshes", "-m").err()).isEqualTo("Error: flag needs an argument: 'm' in -m\n");
    assertThat(kumactl("get", "meshes", "--mesh").err()).isEqualTo("Error: flag needs an argument: --mesh\n");
  }

  @Test
  void badValuesAreReportedAsPflagDoes() {
    assertThat(kumactl("get", "meshes", "--size", "abc").err()).isEqualTo(
        "Error: invalid argument \"abc\" for \"--size\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\n");
    assertThat(kumactl("--api-timeout", "5x", "config", "view").err()).isEqualTo(
        "Error: invalid argument \"5x\" for \"--api-timeout\" flag: time: unknown unit \"x\" in duration \"5x\"\n");
    assertThat(kumactl("config", "control-planes", "add", "--headers", "novalue", "--name", "a", "--address",
        "http://a").err()).isEqualTo("Error: invalid argument \"novalue\" for \"--headers\" flag: novalue must be"
        + " formatted as key=value\n");
    assertThat(kumactl("config", "view", "--log-level", "loud").err()).isEqualTo("Error: unknown log level \"loud\"\n");
  }

  @Test
  void wrongNumberOfArgumentsIsAnError() {
    Run single = kumactl("get", "mesh");
    assertThat(single.exit()).isEqualTo(1);
    assertThat(single.err()).isEqualTo("Error: accepts 1 arg(s), received 0\n");
    Run list = kumactl("get", "meshes", "extra");
    assertThat(list.exit()).isEqualTo(1);
    assertThat(list.err()).isEqualTo("Error: unknown command \"extra\" for \"kumactl get meshes\"\n");
    assertThat(kumactl("delete", "mesh").err()).isEqualTo("Error: accepts 2 arg(s), received 1\n");
  }

  @Test
  void unknownCommandsAreErrorsWithSuggestions() {
    Run root = kumactl("gte");
    assertThat(root.exit()).isEqualTo(1);
    assertThat(root.err()).isEqualTo("Error: unknown command \"gte\" for \"kumactl\"\n\nDid you mean this?\n\tget\n\n"
        + "Run 'kumactl --help' for usage.\n");
    Run type = kumactl("get", "foos");
    assertThat(type.exit()).isEqualTo(1);
    assertThat(type.err()).isEqualTo("Error: unknown command \"foos\" for \"kumactl get\"\n"
        + "Run 'kumactl get --help' for usage.\n");
  }

  @Test
  void requiredFlagsAreListedTogether() {
    Run run = kumactl("config", "control-planes", "add");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: required flag(s) \"address\", \"name\" not set\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void groupsPrintTheirHelp() {
    Run run = kumactl("config");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("Modify kumactl config files.\n").contains("Available Commands:\n"
        + "  control-planes Manage known Control Planes\n  view           Show kumactl config\n");
  }

  @Test
  void flagsWorkBeforeAndAfterTheCommand() {
    Path config = home.resolve("other-config");
    assertThat(kumactl("--config-file", config.toString(), "config", "view").exit()).isZero();
    assertThat(config).exists();
    assertThat(kumactl("config", "view", "--config-file=" + config).out()).contains("currentContext: local");
  }

  @Test
  void firstRunCreatesTheDefaultConfigurationPrivately() throws Exception {
    Run run = kumactl("config", "view");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo("contexts:\n- controlPlane: local\n  name: local\ncontrolPlanes:\n- coordinates:\n"
        + "    apiServer:\n      url: http://localhost:5681\n  name: local\ncurrentContext: local\n\n");
    Path file = home.resolve(".kumactl/config");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwxr-xr-x");
  }

  @Test
  void noConfigUsesTheDefaultsWithoutWritingAFile() {
    Run run = kumactl("--no-config", "config", "view");
    assertThat(run.out()).contains("url: http://localhost:5681");
    assertThat(home.resolve(".kumactl")).doesNotExist();
  }

  @Test
  void unreadableConfigurationIsAnError() throws Exception {
    Path config = Files.writeString(home.resolve("bad"), "contexts: 5\n");
    Run run = kumactl("--config-file", config.toString(), "config", "view");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: Failed to parse configuration from file \"" + config
        + "\": bad value for field \"contexts\": 5 is not an array\n");
    Path yaml = Files.writeString(home.resolve("bad-yaml"), "contexts: [\n");
    assertThat(kumactl("--config-file", yaml.toString(), "config", "view").err())
        .startsWith("Error: Failed to parse configuration from file \"" + yaml + "\": yaml: ");
  }

  @Test
  void contextNamingAnUnknownControlPlaneIsBroken() {
    Run run = kumactl("--context", "random", "get", "meshes");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).endsWith("Error: apparently, configuration is broken. Use `kumactl config control-planes"
        + " add` to add a Control Plane and make it active\n");
  }

  @Test
  void helpLooksLikeCobras() {
    Run run = kumactl("get", "meshes", "--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo("""
        Show Mesh entities.

        Usage:
          kumactl get meshes [flags]

        Flags:
          -h, --help            help for meshes
          -m, --mesh string     mesh to use (default "default")
              --offset string   the offset that indicates starting element of the resources list to retrieve
              --size int        maximum number of elements to return

        Global Flags:
              --api-timeout duration   the timeout for api calls. It includes connection time, any redirects, and \
        reading the response body. A timeout of zero means no timeout (default 1m0s)
              --config-file string     path to the configuration file to use
              --context string         context to use
              --log-level string       log level: one of off|info|debug (default "off")
              --no-config              if set no config file and config directory will be created
          -o, --output string          output format: one of table|yaml|json (default "table")
        """);
  }

  @Test
  void deprecatedFlagsWarn() {
    Run run = kumactl("--no-config", "inspect", "zoneingress", "zi-1", "--config-dump", "--api-timeout", "1ms");
    assertThat(run.err()).startsWith("Flag --config-dump has been deprecated, use --type=config-dump\n");
  }
}
