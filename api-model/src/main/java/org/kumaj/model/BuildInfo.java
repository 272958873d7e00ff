package org.kumaj.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What this build is: product name, version and the Kuma release it reproduces. Shared by the
 * control plane ({@code GET /}, {@code kuma-cp version}, {@code cp_info}) and kumactl.
 *
 * @param product our product name
 * @param version our version
 * @param gitTag the git tag the build was made from, or {@code unknown}
 * @param gitCommit the git commit the build was made from, or {@code unknown}
 * @param buildDate when the build was made
 * @param basedOnKuma the Kuma version whose behaviour we reproduce
 */
public record BuildInfo(
    String product, String version, String gitTag, String gitCommit, String buildDate, String basedOnKuma) {

  /** Our product name, reported where Kuma reports {@code Kuma} or {@code Kong Mesh}. */
  public static final String PRODUCT = "KumaJ";
  private static final BuildInfo CURRENT = load();

  /** The build information of the running code. */
  public static BuildInfo current() {
    return CURRENT;
  }

  /** Kuma's {@code version --detailed} block. */
  public String detailed() {
    return String.join("\n",
        "Product:       " + product,
        "Version:       " + version,
        "Git Tag:       " + gitTag,
        "Git Commit:    " + gitCommit,
        "Build Date:    " + buildDate,
        "Based on Kuma: " + basedOnKuma);
  }

  /** The labels Kuma puts on {@code cp_info}, in Kuma's names. */
  public Map<String, String> asLabels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("product", product);
    m.put("version", version);
    m.put("build_date", buildDate);
    m.put("git_commit", gitCommit.length() > 7 ? gitCommit.substring(0, 7) : gitCommit);
    m.put("git_tag", gitTag);
    m.put("based_on_kuma", basedOnKuma);
    return m;
  }

  private static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build-info.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(PRODUCT, value(p, "version"), value(p, "gitTag"), value(p, "gitCommit"),
        value(p, "buildDate"), value(p, "basedOnKuma"));
  }

  private static String value(Properties p, String key) {
    String v = p.getProperty(key, "");
    return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
  }
}
