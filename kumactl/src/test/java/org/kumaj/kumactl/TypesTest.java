package org.kumaj.kumactl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kumaj.model.ResourceTypes;

/** The command tree follows the descriptor registry. */
class TypesTest {
  @Test
  void generatedIndexIsTheRegistry() {
    assertThat(Types.all()).isEqualTo(Types.fromRegistry());
  }

  @Test
  void getHasAListAndASingleCommandForEveryTypeWithAKumactlName() {
    Cmd get = CommandTree.build(Types.all()).child("get");
    ResourceTypes.all().stream().filter(t -> t.kumactlArg().isPresent() && t.wsPath().isPresent()).forEach(t -> {
      Cmd list = get.child(t.kumactlListArg().orElseThrow());
      Cmd single = get.child(t.kumactlArg().orElseThrow());
      assertThat(list).as("get " + t.kumactlListArg().get()).isNotNull();
      assertThat(list.args).isEqualTo(Cmd.Args.NONE);
      assertThat(single).as("get " + t.kumactlArg().get()).isNotNull();
      assertThat(single.use).isEqualTo(t.kumactlArg().get() + " NAME");
      assertThat(single.argCount).isEqualTo(1);
    });
    assertThat(get.child("zone-ingresses")).isSameAs(get.child("zoneingresses"));
    assertThat(get.child("global-secret")).isSameAs(get.child("globalsecret"));
  }

  @Test
  void pathsFollowScope() {
    Types.Type dataplane = Types.byName(Types.all(), "Dataplane").orElseThrow();
    Types.Type mesh = Types.byName(Types.all(), "Mesh").orElseThrow();
    assertThat(dataplane.itemPath("demo", "dp 1")).isEqualTo("/meshes/demo/dataplanes/dp%201");
    assertThat(mesh.collectionPath("ignored")).isEqualTo("/meshes");
    assertThat(List.of(mesh.itemPath("", "default"))).containsExactly("/meshes/default");
  }
}
