package org.kumaj.kumactl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build-time generator (run by the {@code exec-maven-plugin} in {@code process-classes}) of the
 * resource-type index kumactl reads at start-up: writes {@link Types#index} of the descriptor
 * registry to the file named by the only argument. Not used at run time; stateless.
 */
public final class TypeIndexGenerator {
  private TypeIndexGenerator() {}

  /** Writes the index to {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    Files.createDirectories(file.getParent());
    Files.writeString(file, Types.index(Types.fromRegistry()), StandardCharsets.UTF_8);
  }
}
