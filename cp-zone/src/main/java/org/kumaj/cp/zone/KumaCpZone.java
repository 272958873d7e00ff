package org.kumaj.cp.zone;

import org.kumaj.cp.launcher.KumaCp;
import org.kumaj.cp.launcher.Role;

/** Entry point of {@code kuma-cp-zone.jar}. */
public final class KumaCpZone {
  private KumaCpZone() {}

  public static void main(String[] args) {
    KumaCp.main(Role.ZONE, args);
  }
}
