package dev.envelope.render;

import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.Warning;
import dev.envelope.render.Tree.Quantity.Kind;
import java.util.List;

/**
 * What {@code envelope validate} found in each file, for people (a line per valid file; problems go
 * to standard error) and for scripts ({@code envelope.validate/v1}).
 */
public final class ValidationReport {
  public static final String SCHEMA = "envelope.validate/v1";

  private ValidationReport() {}

  public enum Outcome {
    VALID,
    INVALID,
    /** The file could not be read; its one diagnostic says why and has no line or column. */
    UNREADABLE
  }

  /** One file: its name as given, the outcome, every problem found in it, and every warning. */
  public record FileResult(String file, Outcome outcome, List<Diagnostic> diagnostics, List<Warning> warnings) {
    public FileResult {
      diagnostics = List.copyOf(diagnostics);
      warnings = List.copyOf(warnings);
    }

    public boolean valid() {
      return outcome == Outcome.VALID;
    }
  }

  /** {@code FILE: valid} for each valid file, in the order given. */
  public static String table(List<FileResult> results) {
    StringBuilder sb = new StringBuilder();
    for (FileResult r : results) {
      if (r.valid()) {
        sb.append(Escape.table(r.file())).append(": valid\n");
      }
    }
    return sb.toString();
  }

  /**
   * {@code {"schema", "files": [{"file", "valid", "diagnostics": [{file, line, column, path,
   * message}], "warnings": [the same]}]}}; a diagnostic that is not at a place in a file (an unreadable file, a result too
   * large to compute) has no line and column.
   */
  public static Tree tree(List<FileResult> results) {
    Tree root = new Tree().put("schema", SCHEMA);
    root.putList("files", results.stream().map(ValidationReport::file).toList());
    return root;
  }

  private static Tree file(FileResult r) {
    Tree t = new Tree().put("file", r.file()).put("valid", r.valid());
    t.putList("diagnostics", r.diagnostics().stream().map(ValidationReport::diagnostic).toList());
    t.putList("warnings", WarningReport.list(r.warnings()));
    return t;
  }

  private static Tree diagnostic(Diagnostic d) {
    Tree t = new Tree().put("file", d.location().file());
    if (!d.location().isArgument()) {
      t.put("line", d.location().line(), Kind.INTEGER);
      t.put("column", d.location().column(), Kind.INTEGER);
    }
    return t.put("path", d.path()).put("message", d.message());
  }

  /**
   * GitHub Actions annotations ({@code -o github}): an {@code ::error} at each problem's place, a
   * {@code ::warning} at each warning's, and {@code FILE: valid} for each valid file.
   */
  public static String github(List<FileResult> results) {
    StringBuilder sb = new StringBuilder();
    for (FileResult r : results) {
      for (Diagnostic d : r.diagnostics()) {
        sb.append(CheckReport.annotation("error", d.location(), d.path().isEmpty() ? "invalid file" : d.path(),
            List.of(d.message())));
      }
      for (Warning w : r.warnings()) {
        sb.append(CheckReport.annotation("warning", w.location(), w.path() + " [" + w.id() + "]", List.of(w.message())));
      }
      if (r.valid()) {
        sb.append(Escape.table(r.file())).append(": valid\n");
      }
    }
    return sb.toString();
  }
}
