package org.kumaj.cp.listeners;

import org.kumaj.cp.config.KumaConfig;

/** A listener could not be opened, typically because its port is taken. */
public final class ListenerStartException extends RuntimeException {
  private final transient Listener listener;

  public ListenerStartException(Listener listener, Throwable cause) {
    super(describe(listener, cause), cause);
    this.listener = listener;
  }

  public Listener listener() {
    return listener;
  }

  private static String describe(Listener listener, Throwable cause) {
    String what = isAddressInUse(cause) ? "is already in use" : "could not be opened (" + rootMessage(cause) + ")";
    return "port " + listener.port() + (isWildcard(listener.host()) ? "" : " on " + listener.host())
        + " " + what + "; it is set by " + KumaConfig.describeKey(listener.portSetting());
  }

  private static boolean isWildcard(String host) {
    return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  static boolean isAddressInUse(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.net.BindException
          || (c.getMessage() != null && c.getMessage().contains("Address already in use"))) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }
}
