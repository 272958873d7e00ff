package org.kumaj.cp.global;

import org.kumaj.cp.launcher.KumaCp;
import org.kumaj.cp.launcher.Role;

/** Entry point of {@code kuma-cp-global.jar}. */
public final class KumaCpGlobal {
  private KumaCpGlobal() {}

  public static void main(String[] args) {
    KumaCp.main(Role.GLOBAL, args);
  }
}
