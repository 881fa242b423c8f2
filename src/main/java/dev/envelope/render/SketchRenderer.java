package dev.envelope.render;

import java.util.List;

/**
 * A {@link Sketch} as Mermaid (a flowchart, which GitHub, GitLab and most Markdown viewers draw) or
 * as Graphviz DOT ({@code dot -Tsvg}). Both lay the tiers out left to right in the sketch's order,
 * give each node its id, and draw a single point of failure with a thick red border. Every piece
 * of text goes through {@link Escape#mermaid} or {@link Escape#dot}.
 */
public final class SketchRenderer {
  /** The border of a single point of failure. */
  private static final String SPOF_COLOUR = "#c62828";

  private SketchRenderer() {}

  /** The Mermaid flowchart. */
  public static String mermaid(Sketch sketch) {
    StringBuilder sb = new StringBuilder("flowchart LR\n");
    for (Sketch.Node n : sketch.nodes()) {
      mermaidNode(sb, "  ", n);
    }
    sketch.group().ifPresent(g -> {
      sb.append("  subgraph ").append(g.id()).append("[\"").append(mermaidLines(g.title())).append("\"]\n");
      for (Sketch.Node n : g.nodes()) {
        mermaidNode(sb, "    ", n);
      }
      for (int i = 1; i < g.nodes().size(); i++) {
        sb.append("    ").append(g.nodes().get(i - 1).id()).append(" --- ").append(g.nodes().get(i).id()).append('\n');
      }
      sb.append("  end\n");
    });
    for (Sketch.Edge e : sketch.edges()) {
      sb.append("  ").append(e.from()).append(" -->");
      if (!e.lines().isEmpty()) {
        sb.append("|\"").append(mermaidLines(e.lines())).append("\"|");
      }
      sb.append(' ').append(e.to()).append('\n');
    }
    List<String> spofs = spofs(sketch);
    if (!spofs.isEmpty()) {
      sb.append("  classDef spof stroke:").append(SPOF_COLOUR).append(",stroke-width:3px\n");
      sb.append("  class ").append(String.join(",", spofs)).append(" spof\n");
    }
    return sb.toString();
  }

  /** The Graphviz digraph. */
  public static String dot(Sketch sketch) {
    StringBuilder sb = new StringBuilder("digraph sketch {\n");
    sb.append("  rankdir=LR;\n");
    sb.append("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];\n");
    sb.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for (Sketch.Node n : sketch.nodes()) {
      dotNode(sb, "  ", n);
    }
    sketch.group().ifPresent(g -> {
      sb.append("  subgraph cluster_").append(g.id()).append(" {\n");
      sb.append("    label=\"").append(dotLines(g.title())).append("\";\n");
      sb.append("    style=dashed;\n");
      sb.append("    fontname=\"Helvetica\";\n");
      sb.append("    fontsize=11;\n");
      for (Sketch.Node n : g.nodes()) {
        dotNode(sb, "    ", n);
      }
      for (int i = 1; i < g.nodes().size(); i++) {
        sb.append("    ").append(g.nodes().get(i - 1).id()).append(" -> ").append(g.nodes().get(i).id())
            .append(" [dir=none];\n");
      }
      sb.append("  }\n");
    });
    for (Sketch.Edge e : sketch.edges()) {
      sb.append("  ").append(e.from()).append(" -> ").append(e.to());
      if (!e.lines().isEmpty()) {
        sb.append(" [label=\"").append(dotLines(e.lines())).append("\"]");
      }
      sb.append(";\n");
    }
    return sb.append("}\n").toString();
  }

  private static void mermaidNode(StringBuilder sb, String indent, Sketch.Node n) {
    sb.append(indent).append(n.id()).append("[\"").append(mermaidLines(n.lines())).append("\"]\n");
  }

  private static void dotNode(StringBuilder sb, String indent, Sketch.Node n) {
    sb.append(indent).append(n.id()).append(" [label=\"").append(dotLines(n.lines())).append('"');
    if (n.spof()) {
      sb.append(", color=\"").append(SPOF_COLOUR).append("\", penwidth=3");
    }
    sb.append("];\n");
  }

  private static String mermaidLines(List<String> lines) {
    return String.join("<br/>", lines.stream().map(Escape::mermaid).toList());
  }

  private static String dotLines(List<String> lines) {
    return String.join("\\n", lines.stream().map(Escape::dot).toList());
  }

  private static List<String> spofs(Sketch sketch) {
    List<Sketch.Node> all = new java.util.ArrayList<>(sketch.nodes());
    sketch.group().ifPresent(g -> all.addAll(g.nodes()));
    return all.stream().filter(Sketch.Node::spof).map(Sketch.Node::id).toList();
  }
}
