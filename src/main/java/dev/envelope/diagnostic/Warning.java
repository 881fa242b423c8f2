package dev.envelope.diagnostic;

import dev.envelope.units.SafeText;
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

  /** The line people read: control characters in the file name, path or message escaped ({@link SafeText#line}). */
  @Override
  public String toString() {
    return SafeText.line(location + ": warning: " + (path.isEmpty() ? "" : path + ": ") + message);
  }
}
