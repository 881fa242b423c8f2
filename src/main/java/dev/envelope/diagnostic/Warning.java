package dev.envelope.diagnostic;

import dev.envelope.units.SafeText;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * An input that reads but contradicts another, is implausible, or is ignored: printed as
 * {@code file:line:column: warning: path: message [id]}, where the message says why and what to
 * check and the id names the kind of warning ({@link WarningId}). Any calculator may add warnings;
 * {@code --strict} turns them into errors (exit code 3), but for those the file accepts.
 */
public record Warning(Location location, String path, String message, WarningId id) {
  /** {@code warnings} in file order: command-line arguments first, then by line and column. */
  public static List<Warning> sorted(Collection<Warning> warnings) {
    return warnings.stream()
        .sorted(Comparator.comparingInt((Warning w) -> w.location().line())
            .thenComparingInt(w -> w.location().column())
            .thenComparing(Warning::path))
        .toList();
  }

  /** The same problem as an error, for {@code --strict}; the id stays in the message, to be accepted by name. */
  public Diagnostic toDiagnostic() {
    return new Diagnostic(location, path, message + " [" + id + "]");
  }

  /** The same warning with {@code message}. */
  public Warning withMessage(String message) {
    return new Warning(location, path, message, id);
  }

  /** The line people read: control characters in the file name, path or message escaped ({@link SafeText#line}). */
  @Override
  public String toString() {
    return SafeText.line(location + ": warning: " + (path.isEmpty() ? "" : path + ": ") + message + " [" + id + "]");
  }
}
