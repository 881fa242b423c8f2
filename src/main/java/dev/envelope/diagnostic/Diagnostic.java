package dev.envelope.diagnostic;

import dev.envelope.units.SafeText;

/**
 * One problem in an input, printed as {@code file:line:column: path: message}. {@code path} is the
 * dotted field path ({@code workloads.tweet.payload}), or empty for the whole file. The parts hold
 * the text as given (JSON prints it so); {@link #toString}, the line people read, escapes what a
 * terminal would obey ({@link SafeText#line}).
 */
public record Diagnostic(Location location, String path, String message) {
  /** {@code problems} in file order: by line, then column; command-line arguments first. */
  public static java.util.List<Diagnostic> sorted(java.util.Collection<Diagnostic> problems) {
    return problems.stream()
        .sorted(java.util.Comparator.comparingInt((Diagnostic d) -> d.location().line())
            .thenComparingInt(d -> d.location().column()))
        .toList();
  }

  /**
   * A value as a message quotes it: in full up to 60 characters, else its start and its length,
   * so that one long value cannot flood the terminal.
   */
  public static String got(String value) {
    return dev.envelope.units.Format.cut(value);
  }

  @Override
  public String toString() {
    return SafeText.line(location + ": " + (path.isEmpty() ? "" : path + ": ") + message);
  }
}
