package org.kumaj.cp.launcher;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.kumaj.cp.config.ConfigException;
import org.kumaj.cp.config.ConfigLoader;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.diagnostics.LogLevels;
import org.kumaj.cp.listeners.ListenerStartException;
import org.kumaj.cp.store.SchemaMigrations;
import org.kumaj.cp.store.StoreException;
import org.kumaj.model.BuildInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The {@code kuma-cp} command line shared by the three role executables: {@code run},
 * {@code migrate up}, {@code version} and the root {@code --log-level} flag. Each role's {@code main} calls {@link #main(Role, String[])}.
 */
@Command(name = "kuma-cp", mixinStandardHelpOptions = false,
    description = "Universal Control Plane for Envoy-based Service Mesh.",
    subcommands = {KumaCp.Run.class, KumaCp.Migrate.class, KumaCp.Version.class, CommandLine.HelpCommand.class})
public final class KumaCp {
  private static final Logger LOG = LoggerFactory.getLogger("kuma-cp");
  private static final String PKCS12_KEY_ROUNDS = "keystore.pkcs12.keyPbeIterationCount";
  private static final String NETTY_JFR = "io.netty.jfr.enabled";

  final Role role;

  @Option(names = "--log-level", defaultValue = "info", paramLabel = "LEVEL",
      description = "log level: one of off|info|debug (default: ${DEFAULT-VALUE})")
  String logLevel;

  KumaCp(Role role) {
    this.role = role;
  }

  /** Runs {@code args} as the {@code role} executable and exits the JVM with the command's status. */
  public static void main(Role role, String[] args) {
    cheapInMemoryKeyStores();
    noNettyFlightRecorderEvents();
    System.exit(execute(role, args));
  }

  /**
   * The JDK protects each private key put into a PKCS#12 key store with 10,000 rounds of PBKDF2,
   * and again when a key manager reads it back. Our key stores never leave memory (Netty and
   * Micronaut build them only to hand the server key to a {@code KeyManagerFactory}), so the
   * rounds protect nothing, yet at start-up, still interpreted, they cost more than a second of
   * CPU for the TLS listeners. One round is used unless the operator set the property.
   */
  static void cheapInMemoryKeyStores() {
    if (System.getProperty(PKCS12_KEY_ROUNDS) == null && java.security.Security.getProperty(PKCS12_KEY_ROUNDS) == null) {
      System.setProperty(PKCS12_KEY_ROUNDS, "1");
    }
  }

  /**
   * Netty defines Flight Recorder events for its buffer allocator and, when JFR is available,
   * loads JFR's API (over a hundred classes) and registers them during start-up, whether or not a
   * recording ever runs. They are off unless the operator set the property.
   */
  static void noNettyFlightRecorderEvents() {
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
  }

  /** Runs {@code args} and returns the exit status (0 on success). */
  public static int execute(Role role, String[] args) {
    CommandLine cli = new CommandLine(new KumaCp(role));
    cli.setCommandName(role.executable());
    cli.setExecutionStrategy(parse -> {
      KumaCp root = parse.asCommandLineList().get(0).getCommand();
      if (!LogLevels.isLevel(root.logLevel)) {
        throw new CommandLine.ParameterException(parse.commandSpec().commandLine(),
            "invalid argument \"" + root.logLevel + "\" for \"--log-level\" flag: unknown log level \""
                + root.logLevel + "\"");
      }
      LogLevels.setRootLevel(root.logLevel);
      return new CommandLine.RunLast().execute(parse);
    });
    cli.setExecutionExceptionHandler((e, commandLine, parse) -> {
      commandLine.getErr().println("Error: " + e.getMessage());
      return 1;
    });
    return cli.execute(args);
  }

  /** {@code kuma-cp run}: starts the control plane and blocks until SIGTERM/SIGINT. */
  @Command(name = "run", description = "Launch Control Plane")
  static final class Run implements Callable<Integer> {
    @ParentCommand
    KumaCp parent;

    @Option(names = {"-c", "--config-file"}, paramLabel = "FILE", description = "configuration file")
    Path configFile;

    @Override
    public Integer call() {
      ControlPlane cp;
      try {
        KumaConfig config = new ConfigLoader().load(configFile, System.getenv(), parent.role.defaults(),
            warning -> LOG.warn(warning));
        parent.role.check(config);
        cp = ControlPlane.start(config);
      } catch (RuntimeException e) {
        RuntimeException known = startupProblem(e);
        System.err.println("Error: " + known.getMessage());
        return 1;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        LOG.info("stopping");
        cp.close();
        stopped.countDown();
      }, "kuma-cp-shutdown"));
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }
  }

  /**
   * Finds the configuration, listener or store problem behind a start-up failure (Micronaut wraps
   * exceptions thrown while creating beans); anything else is returned as it is.
   */
  static RuntimeException startupProblem(RuntimeException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ConfigException || c instanceof ListenerStartException || c instanceof StoreException) {
        return (RuntimeException) c;
      }
    }
    return e;
  }

  /** {@code kuma-cp migrate}: only groups {@code up}, as in Kuma. */
  @Command(name = "migrate", description = "Migrate database to which Control Plane is connected",
      subcommands = {Migrate.Up.class})
  static final class Migrate {
    @ParentCommand
    KumaCp parent;

    /**
     * {@code kuma-cp migrate up [-c FILE]}: applies the newest schema to the store's database and
     * prints Kuma's line for what happened.
     */
    @Command(name = "up", description = "Apply the newest schema changes to the database.")
    static final class Up implements Callable<Integer> {
      @ParentCommand
      Migrate migrate;

      @Option(names = {"-c", "--config-file"}, paramLabel = "FILE", description = "configuration file")
      Path configFile;

      @Override
      public Integer call() {
        try {
          KumaConfig config = new ConfigLoader().load(configFile, System.getenv(),
              migrate.parent.role.defaults(), warning -> LOG.warn(warning));
          String version = BuildInfo.current().version();
          System.out.println(switch (SchemaMigrations.migrateUp(config)) {
            case MIGRATED -> "DB has been migrated for Kuma " + version;
            case ALREADY_MIGRATED -> "DB has already been migrated for Kuma " + version;
          });
          return 0;
        } catch (ConfigException | StoreException e) {
          System.err.println("Error: " + oneLine(e.getMessage()));
          return 1;
        }
      }
    }
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replace('\n', ' ');
  }

  /** {@code kuma-cp version [-a]}. */
  @Command(name = "version", description = "Print version")
  static final class Version implements Callable<Integer> {
    @Option(names = {"-a", "--detailed"}, description = "Print detailed version")
    boolean detailed;

    @Override
    public Integer call() {
      BuildInfo build = BuildInfo.current();
      System.out.println(detailed ? build.detailed() : build.product() + ": " + build.version());
      return 0;
    }
  }
}
