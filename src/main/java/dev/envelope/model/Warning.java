package dev.envelope.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * An input that reads but contradicts another, is implausible, or is ignored: printed as
 * {@code file:line:column: warning: path: message}, where the message says why and what to check.
 * Any calculator may add warnings; {@code --strict} turns them into errors (exit code 3).
 */
public record Warning(Location location, String path, String message) {
  /** {@code warnings} in file order: command-line arguments first, then by line and column. */
  public static List<Warning> sorted(Collection<Warning> warnings) {
    return warnings.stream()
        .sorted(Comparator.comparingInt((Warning w) -> w.location().line())
            .thenComparingInt(w -> w.location().column())
            .thenComparing(Warning::path))
        .toList();
  }

  /** The same problem as an error, for {@code --strict}. */
  public Diagnostic toDiagnostic() {
    return new Diagnostic(location, path, message);
  }

  @Override
  public String toString() {
    return location + ": warning: " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
