package org.kumaj.cp.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.launcher.ControlPlaneIdentity;
import org.kumaj.model.BuildInfo;

/** {@code GET /}: Kuma's Index document, served on the API listeners (HTTP and HTTPS). */
@Controller
final class IndexController {
  private final Index index;

  IndexController(ControlPlaneIdentity identity, BuildInfo build, KumaConfig config) {
    String gui = !config.bool("apiServer.gui.enabled") || config.isFederatedZone()
        ? ""
        : config.string("apiServer.gui.rootUrl").isEmpty()
            ? config.string("apiServer.gui.basePath")
            : config.string("apiServer.gui.rootUrl");
    this.index = new Index(identity.hostname(), build.product(), build.version(), identity.instanceId(),
        identity.clusterId(), gui, build.basedOnKuma());
  }

  @Get
  Index index() {
    return index;
  }

  /** The Index document (openapi {@code Index}). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Index(String hostname, String product, String version, String instanceId, String clusterId,
      String gui, String basedOnKuma) {}
}
