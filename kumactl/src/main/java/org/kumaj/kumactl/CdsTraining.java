package org.kumaj.kumactl;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.kumaj.model.BuildInfo;

/**
 * The hidden {@code __cds-train} command the launcher runs once with
 * {@code -XX:ArchiveClassesAtExit}: it drives the common commands ({@code get}, {@code inspect},
 * {@code config}, {@code version}, errors) against a throw-away local server so that the
 * class-data-sharing archive holds the classes later runs need. Prints nothing.
 */
final class CdsTraining {
  private static final String MESHES = "{\"total\":1,\"items\":[{\"type\":\"Mesh\",\"name\":\"default\","
      + "\"creationTime\":\"2025-01-01T00:00:00Z\",\"modificationTime\":\"2025-01-01T00:00:00Z\","
      + "\"mtls\":{\"enabledBackend\":\"ca-1\",\"backends\":[{\"name\":\"ca-1\",\"type\":\"builtin\"}]}}],"
      + "\"next\":null}";

  private CdsTraining() {}

  static Cmd command() {
    Cmd cmd = new Cmd("__cds-train").help("Load the classes of common commands (for the launcher's CDS archive)", "");
    cmd.hidden = true;
    cmd.skipsConfig = true;
    return cmd.action(inv -> train());
  }

  private static void train() throws KumactlException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new KumactlException("cannot start the training server: " + e.getMessage(), e);
    }
    BuildInfo build = BuildInfo.current();
    String index = "{\"hostname\":\"training\",\"product\":\"" + build.product() + "\",\"version\":\""
        + build.version() + "\",\"instanceId\":\"training\",\"clusterId\":\"training\",\"gui\":\"/gui\"}";
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      String body = path.equals("/") ? index : path.endsWith("/meshes") ? MESHES
          : "{\"total\":0,\"items\":[],\"next\":null}";
      int status = 200;
      if (path.contains("/missing")) {
        status = 404;
        body = "{\"type\":\"/std-errors\",\"status\":404,\"title\":\"Not found\",\"detail\":\"Not found\"}";
      }
      exchange.getRequestBody().readAllBytes();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    Path home = null;
    try {
      home = Files.createTempDirectory("kumactl-cds-");
      PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
      Env env = new Env(new ByteArrayInputStream(new byte[0]), sink, sink, home, Clock.systemDefaultZone());
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      for (List<String> args : List.of(
          List.of("config", "control-planes", "add", "--name", "training", "--address", url),
          List.of("get", "meshes"),
          List.of("get", "meshes", "-o", "yaml"),
          List.of("get", "meshes", "-o", "json"),
          List.of("get", "dataplanes", "--mesh", "default"),
          List.of("get", "mesh", "missing"),
          List.of("inspect", "zones"),
          List.of("config", "view"),
          List.of("config", "control-planes", "list"),
          List.of("version"),
          List.of("get", "unknown-type"),
          List.of("get", "meshes", "--unknown-flag"),
          List.of("--help"))) {
        Kumactl.run(args.toArray(String[]::new), env);
      }
    } catch (IOException e) {
      throw new KumactlException("training failed: " + e.getMessage(), e);
    } finally {
      server.stop(0);
      delete(home);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
