package org.kumaj.cp.store;

import java.time.Clock;
import java.util.Map;
import org.kumaj.cp.config.ConfigLoader;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.events.EventBus;

/**
 * The child process of {@link StoreKillTest}: opens the store that its {@code KUMA_*} arguments
 * describe ({@code NAME=VALUE} pairs) and creates resources until killed, printing each name on
 * stdout once {@code create} has returned.
 */
public final class StoreWriterMain {
  private StoreWriterMain() {}

  public static void main(String[] args) {
    Map<String, String> env = new java.util.HashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      env.put(a.substring(0, eq), a.substring(eq + 1));
    }
    KumaConfig config = new ConfigLoader().load(null, env, Map.of(), w -> {});
    ResourceStore store = JpaResourceStore.open(config, Clock.systemUTC(), new EventBus(), ContractTypes.LOOKUP);
    System.out.println("open");
    System.out.flush();
    for (int i = 0; ; i++) {
      String name = String.format("w-%07d", i);
      store.create(ResourceStoreContract.widget("m1", name, Map.of("i", Integer.toString(i))), null);
      System.out.println(name);
      System.out.flush();
    }
  }
}
