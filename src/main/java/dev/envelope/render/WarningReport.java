package dev.envelope.render;

import dev.envelope.diagnostic.Warning;
import dev.envelope.render.Tree.Quantity.Kind;
import java.util.List;

/**
 * Warnings as the JSON {@code warnings} array: {@code [{file, line, column, path, message, id}]},
 * the shape of a diagnostic in {@code envelope.validate/v1} with the warning's stable id; a warning about a command-line override
 * ({@code --set}) has no line and column, and its {@code file} is the argument.
 */
public final class WarningReport {
  private WarningReport() {}

  public static List<Tree> list(List<Warning> warnings) {
    List<Tree> trees = new java.util.ArrayList<>(warnings.size());
    for (Warning w : warnings) {
      trees.add(tree(w));
    }
    return List.copyOf(trees);
  }

  private static Tree tree(Warning w) {
    Tree t = new Tree().put("file", w.location().file());
    if (!w.location().isArgument()) {
      t.put("line", w.location().line(), Kind.INTEGER);
      t.put("column", w.location().column(), Kind.INTEGER);
    }
    return t.put("path", w.path()).put("message", w.message()).put("id", w.id().id());
  }
}
