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
  // A class rather than a chain of lambdas: no lambda to link on a short run's way (docs/performance.md).
  private static final Comparator<Warning> IN_FILE_ORDER = new Comparator<>() {
    @Override
    public int compare(Warning a, Warning b) {
      int c = Integer.compare(a.location().line(), b.location().line());
      if (c == 0) {
        c = Integer.compare(a.location().column(), b.location().column());
      }
      return c != 0 ? c : a.path().compareTo(b.path());
    }
  };

  /** {@code warnings} in file order: command-line arguments first, then by line and column. */
  public static List<Warning> sorted(Collection<Warning> warnings) {
    List<Warning> out = new java.util.ArrayList<>(warnings);
    out.sort(IN_FILE_ORDER);
    return List.copyOf(out);
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
