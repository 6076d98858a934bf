package io.github.spfkit.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tree of one-line labels drawn with ASCII connectors, so it survives any terminal and any
 * encoding:
 *
 * <pre>
 * example.com
 * +-- include:_spf.example.net
 * |   `-- ip4:198.51.100.0/24
 * `-- -all
 * </pre>
 *
 * @param label this node's line
 * @param children the nodes beneath it, in order
 */
record TextTree(String label, List<TextTree> children) {

  TextTree {
    Objects.requireNonNull(label, "label");
    children = List.copyOf(children);
  }

  /** A node without children. */
  static TextTree leaf(String label) {
    return new TextTree(label, List.of());
  }

  /** The lines of the drawing, root first. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(label);
    drawChildren(this, "", lines);
    return lines;
  }

  private static void drawChildren(TextTree node, String prefix, List<String> lines) {
    for (int i = 0; i < node.children.size(); i++) {
      TextTree child = node.children.get(i);
      boolean last = i == node.children.size() - 1;
      lines.add(prefix + (last ? "`-- " : "+-- ") + child.label);
      drawChildren(child, prefix + (last ? "    " : "|   "), lines);
    }
  }
}
