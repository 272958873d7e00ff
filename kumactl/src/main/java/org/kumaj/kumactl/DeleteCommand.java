package org.kumaj.kumactl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kumaj.model.validation.GoStrings;

/**
 * {@code kumactl delete TYPE NAME [-m MESH]}: TYPE is a singular kumactl name (or alias) from the
 * descriptor registry; read-only types are refused, as Kuma does.
 */
final class DeleteCommand {
  /** The one-line description shown in {@code kumactl --help}. */
  static final String SHORT = "Delete Kuma resources";
  private DeleteCommand() {}

  static Cmd build(List<Types.Type> types) {
    Map<String, Types.Type> byName = new LinkedHashMap<>();
    List<String> allNames = new ArrayList<>();
    for (Types.Type t : types) {
      if (t.kumactlArg().isEmpty()) {
        continue;
      }
      byName.put(t.kumactlArg(), t);
      allNames.add(t.kumactlArg());
      if (!t.kumactlAlias().isEmpty()) {
        byName.put(t.kumactlAlias(), t);
        allNames.add(t.kumactlAlias());
      }
    }
    allNames.sort(null);
    return new Cmd("delete TYPE NAME")
        .help(SHORT, "Delete Kuma resources.")
        .exactArgs(2)
        .persistentFlag(GetCommands.meshFlag())
        .action(inv -> run(inv, byName, allNames));
  }

  private static void run(Invocation inv, Map<String, Types.Type> byName, List<String> allNames)
      throws KumactlException {
    inv.checkCompatibility();
    String typeArg = inv.args.get(0);
    String name = inv.args.get(1);
    Types.Type type = byName.get(typeArg);
    if (type == null) {
      throw new KumactlException("unknown TYPE: " + typeArg + ". Allowed values: " + String.join(", ", allNames));
    }
    if (type.readOnly()) {
      throw new KumactlException("TYPE: " + typeArg + " is readOnly, can't use it for write action");
    }
    String mesh = type.meshScoped() ? inv.mesh() : "";
    ApiClient.Response r;
    try {
      r = inv.api().delete(type.itemPath(mesh, name));
    } catch (ApiError e) {
      if (e.status == 404) {
        throw new KumactlException("there is no " + type.name() + " with name " + GoStrings.quote(name));
      }
      throw e;
    } catch (ApiClient.Unreachable e) {
      throw KumactlException.wrap("failed to delete " + type.name() + " with the name " + GoStrings.quote(name), e);
    }
    if (r.status() != 200) {
      KumactlException cause = r.status() == 405 ? new KumactlException(r.body()) : r.unexpected();
      throw KumactlException.wrap("failed to delete " + type.name() + " with the name " + GoStrings.quote(name), cause);
    }
    inv.out().println("deleted " + type.name() + " " + GoStrings.quote(name));
  }
}
