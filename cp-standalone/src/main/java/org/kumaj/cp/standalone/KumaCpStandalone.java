package org.kumaj.cp.standalone;

import org.kumaj.cp.launcher.KumaCp;
import org.kumaj.cp.launcher.Role;

/** Entry point of {@code kuma-cp-standalone.jar}. */
public final class KumaCpStandalone {
  private KumaCpStandalone() {}

  public static void main(String[] args) {
    KumaCp.main(Role.STANDALONE, args);
  }
}
