package dev.envelope.diagnostic;

import dev.envelope.units.SafeText;
import java.util.List;

/**
 * The one failure users see: an exit code and the problems behind it. Thrown by the reader (every
 * problem in a file at once), by input/output, and by the commands.
 */
public final class EnvelopeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /*
   * Exit codes, as listed in --help (EnvelopeCommand, DiffCommand), docs/errors.md and README.md.
   * 1 is a result, not an error, and nothing else uses it, so that a script can tell "the check
   * failed" from "envelope failed".
   */
  /** A check failed: a budget of {@code check}, or {@code diff --fail-over}; the report is on stdout. */
  public static final int CHECK_FAILED = 1;
  public static final int USAGE = 2;
  public static final int INVALID_INPUT = 3;
  public static final int IO = 4;
  /**
   * An internal error, a bug in envelope (and the launcher's own failures: no Java 17, no jars):
   * EX_SOFTWARE of BSD's sysexits.h, the usual code for "the program itself failed".
   */
  public static final int INTERNAL = 70;

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
   * Diagnostics printed for one run: the first hundred, then a count of the rest. A file has rarely
   * more than a handful of mistakes; past a hundred they are one mistake repeated.
   */
  public static final int MAX_SHOWN = 100;

  /**
   * The lines to print on stderr: every diagnostic up to {@link #MAX_SHOWN}, then
   * one line counting the rest, so that a file of a million mistakes cannot flood a CI log. Each is
   * one line with its control characters escaped ({@link SafeText#line}): a message quotes file
   * names, arguments and values as given.
   */
  public List<String> lines() {
    return diagnostics.isEmpty() ? List.of(SafeText.line(getMessage())) : shown(diagnostics, "problem");
  }

  /**
   * {@code items} as lines, up to {@link #MAX_SHOWN}, then a line counting the
   * rest ({@code what}: "problem", "warning").
   */
  public static List<String> shown(List<?> items, String what) {
    List<String> lines = new java.util.ArrayList<>();
    for (Object item : items.subList(0, Math.min(items.size(), MAX_SHOWN))) {
      lines.add(item.toString());
    }
    int more = items.size() - lines.size();
    if (more > 0) {
      lines.add("envelope: and " + String.format(java.util.Locale.ROOT, "%,d", more) + " more " + what + (more == 1 ? "" : "s")
          + " (the first " + MAX_SHOWN + " are shown)");
    }
    return lines;
  }
}
