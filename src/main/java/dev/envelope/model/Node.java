package dev.envelope.model;

import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.Location;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed YAML or JSON document that keeps every value's location. Scalars keep their source
 * text: the reader decides what a value means (so {@code 10:1} stays a ratio, never 601).
 */
public sealed interface Node {
  Location location();

  /** A mapping, in file order. */
  record MapNode(Location location, Map<String, Entry> entries) implements Node {
    public MapNode {
      entries = new LinkedHashMap<>(entries);
    }
  }

  /** One key of a mapping, with the key's own location. */
  record Entry(String key, Location keyLocation, Node value) {}

  record ListNode(Location location, java.util.List<Node> items) implements Node {
    public ListNode {
      items = java.util.List.copyOf(items);
    }
  }

  /**
   * A scalar; {@code text} is null for a YAML/JSON null. {@code quoted}: written in quotes, so that
   * its text starts one column after its location.
   */
  record Scalar(Location location, String text, boolean quoted) implements Node {
    public Scalar(Location location, String text) {
      this(location, text, false);
    }

    /** The location of the character at {@code offset} in the text, when the text is on one line. */
    public Location at(int offset) {
      if (text == null || text.indexOf('\n') >= 0 && text.indexOf('\n') < offset || location.isArgument()) {
        return location;
      }
      return new Location(location.file(), location.line(), location.column() + (quoted ? 1 : 0) + offset);
    }
  }

  static String kind(Node node) {
    if (node instanceof MapNode) {
      return "a mapping";
    }
    if (node instanceof ListNode) {
      return "a list";
    }
    return ((Scalar) node).text() == null ? "nothing (null)" : "'" + Diagnostic.got(((Scalar) node).text()) + "'";
  }
}
