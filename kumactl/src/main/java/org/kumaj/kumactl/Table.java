package org.kumaj.kumactl;

import java.util.ArrayList;
import java.util.List;

/**
 * kumactl's table output: a header row, one row per item and an optional footer after an empty
 * line, aligned by {@link TabWriter}. Not thread-safe.
 */
final class Table {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();
  private String footer = "";

  Table(List<String> headers) {
    this.headers = headers;
  }

  Table row(List<String> cells) {
    rows.add(cells);
    return this;
  }

  Table footer(String text) {
    this.footer = text == null ? "" : text;
    return this;
  }

  String render() {
    TabWriter writer = new TabWriter();
    if (!headers.isEmpty()) {
      writer.write(String.join("\t", headers)).write("\n");
    }
    for (List<String> row : rows) {
      writer.write(String.join("\t", row)).write("\n");
    }
    if (!footer.isEmpty()) {
      writer.write("\n").write(footer).write("\n");
    }
    return writer.flush();
  }
}
