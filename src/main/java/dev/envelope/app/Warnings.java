package dev.envelope.app;

import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Warning;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assumption checks' warnings as the commands show them: of several bindings (scenarios,
 * sweep combinations) each once, printed on standard error or, under {@code --strict}, turned into
 * errors (exit code 3).
 */
public final class Warnings {
  /** At most this many bindings are named after a warning that only some of them have. */
  private static final int NAMED = 3;

  private Warnings() {}

  /**
   * The warnings of several bindings, each once. One that only some bindings have says which, by
   * their labels ({@code scenario holiday}), up to three of them.
   */
  public static List<Warning> merge(Map<String, List<Warning>> byBinding) {
    Map<Warning, List<String>> where = new LinkedHashMap<>();
    byBinding.forEach((label, warnings) -> warnings.forEach(
        w -> where.computeIfAbsent(w, k -> new ArrayList<>()).add(label)));
    List<Warning> out = new ArrayList<>();
    where.forEach((w, labels) -> {
      if (labels.size() == byBinding.size()) {
        out.add(w);
        return;
      }
      String named = String.join(", ", labels.subList(0, Math.min(NAMED, labels.size())))
          + (labels.size() > NAMED ? " and " + (labels.size() - NAMED) + " more" : "");
      out.add(w.withMessage(w.message() + " (in " + named + ")"));
    });
    return Warning.sorted(out);
  }

  /** Prints {@code warnings} on {@code err}; under {@code strict}, fails with them as errors instead. */
  public static void report(PrintWriter err, List<Warning> warnings, boolean strict) {
    if (warnings.isEmpty()) {
      return;
    }
    if (strict) {
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT,
          warnings.stream().map(Warning::toDiagnostic).toList());
    }
    EnvelopeException.shown(warnings, "warning").forEach(err::println);
    err.flush();
  }
}
