package org.kumaj.kumactl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A port of Go's {@code text/tabwriter} as kumactl configures it (minimum width 1, padding 3,
 * space padding, no flags): cells are tab-terminated, the last cell of a line is not part of a
 * column, and a column's width is computed over each block of consecutive lines that have that
 * column. Not thread-safe.
 */
final class TabWriter {
  private static final int MIN_WIDTH = 1;
  private static final int PADDING = 3;

  private final StringBuilder pending = new StringBuilder();
  private final List<String[]> lines = new ArrayList<>();
  private final List<Integer> widths = new ArrayList<>();

  /** Buffers {@code text}; complete lines are kept until {@link #flush()}. */
  TabWriter write(String text) {
    pending.append(text);
    return this;
  }

  /** Formats everything written so far and returns it. */
  String flush() {
    String text = pending.toString();
    pending.setLength(0);
    lines.clear();
    boolean trailingText = !text.isEmpty() && !text.endsWith("\n");
    String[] raw = text.split("\n", -1);
    int count = trailingText ? raw.length : raw.length - 1;
    for (int i = 0; i < count; i++) {
      lines.add(raw[i].split("\t", -1));
    }
    StringBuilder out = new StringBuilder();
    format(out, 0, lines.size());
    if (trailingText) {
      // Go writes the unterminated last line without a newline.
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  private void format(StringBuilder out, int line0, int line1) {
    int column = widths.size();
    for (int i = line0; i < line1; i++) {
      if (column >= lines.get(i).length - 1) {
        continue;
      }
      writeLines(out, line0, i);
      line0 = i;
      int width = MIN_WIDTH;
      for (; i < line1; i++) {
        String[] line = lines.get(i);
        if (column >= line.length - 1) {
          break;
        }
        width = Math.max(width, cellWidth(line[column]) + PADDING);
      }
      widths.add(width);
      format(out, line0, i);
      widths.remove(widths.size() - 1);
      line0 = i;
    }
    writeLines(out, line0, line1);
  }

  private void writeLines(StringBuilder out, int line0, int line1) {
    for (int i = line0; i < line1; i++) {
      String[] line = lines.get(i);
      for (int j = 0; j < line.length; j++) {
        String cell = line[j];
        out.append(cell);
        if (j < widths.size() && j < line.length - 1) {
          pad(out, widths.get(j) - cellWidth(cell));
        }
      }
      out.append('\n');
    }
  }

  private static void pad(StringBuilder out, int n) {
    if (n > 0) {
      char[] spaces = new char[n];
      Arrays.fill(spaces, ' ');
      out.append(spaces);
    }
  }

  private static int cellWidth(String cell) {
    return cell.codePointCount(0, cell.length());
  }
}
