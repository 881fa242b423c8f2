package dev.envelope.model;

import dev.envelope.units.SafeText;
import java.util.List;

/**
 * The one failure users see: an exit code and the problems behind it. Thrown by the reader (every
 * problem in a file at once), by input/output, and by the commands.
 */
public final class EnvelopeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit codes, as listed in {@code --help}. */
  public static final int BUG = 1;
  public static final int USAGE = 2;
  public static final int INVALID_INPUT = 3;
  public static final int IO = 4;

  private final int exitCode;
  private final transient List<Diagnostic> diagnostics;

  public EnvelopeException(int exitCode, List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "failed" : diagnostics.get(0).toString());
    this.exitCode = exitCode;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** A failure with a plain message and no location (an unreadable file, a bad argument). */
  public EnvelopeException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
    this.diagnostics = List.of();
  }

  public int exitCode() {
    return exitCode;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * The lines to print on stderr, each one line with its control characters escaped
   * ({@link SafeText#line}): a message quotes file names, arguments and values as given.
   */
  public List<String> lines() {
    return diagnostics.isEmpty()
        ? List.of(SafeText.line(getMessage()))
        : diagnostics.stream().map(Diagnostic::toString).toList();
  }
}
