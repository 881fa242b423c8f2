package dev.envelope.cli;

import dev.envelope.estimate.Checks;
import dev.envelope.estimate.Estimate;
import dev.envelope.estimate.Catalog;
import dev.envelope.model.Assignment;
import dev.envelope.model.Document;
import dev.envelope.model.EnvelopeException;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.model.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The assumption checks as the commands use them: the warnings of one binding of a file, or of
 * several (scenarios, sweep combinations) each once, printed on standard error or, under
 * {@code --strict}, turned into errors (exit code 3).
 */
final class Warnings {
  /** At most this many bindings are named after a warning that only some of them have. */
  private static final int NAMED = 3;

  private Warnings() {}

  /** The warnings of {@code req}, the binding of {@code doc} with {@code scenario} and {@code sets}. */
  static List<Warning> of(Document doc, Optional<String> scenario, List<Assignment> sets, Requirements req) {
    return of(doc, scenario, sets, req, Catalog.estimate(req, doc.locations(scenario, sets)));
  }

  /** Like {@link #of(Document, Optional, List, Requirements)}, with its estimate already computed. */
  static List<Warning> of(Document doc, Optional<String> scenario, List<Assignment> sets, Requirements req,
      Estimate estimate) {
    return Checks.run(req, estimate, doc.locations(scenario, sets));
  }

  /** The warnings of the file's base and every scenario, each once (see {@link #merge}). */
  static List<Warning> ofAll(Document doc, List<Assignment> sets) {
    Map<String, List<Warning>> all = new LinkedHashMap<>();
    doc.bindAll(Need.ESTIMATE, sets, false).forEach((name, req) -> {
      Optional<String> scenario = name.equals(Document.BASE) ? Optional.empty() : Optional.of(name);
      all.put(name.equals(Document.BASE) ? "the base" : "scenario " + name, of(doc, scenario, sets, req));
    });
    return merge(all);
  }

  /**
   * The warnings of several bindings, each once. One that only some bindings have says which, by
   * their labels ({@code scenario holiday}), up to three of them.
   */
  static List<Warning> merge(Map<String, List<Warning>> byBinding) {
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
      out.add(new Warning(w.location(), w.path(), w.message() + " (in " + named + ")"));
    });
    return Warning.sorted(out);
  }

  /** Prints {@code warnings} on standard error; under {@code strict}, fails with them as errors instead. */
  static void report(Context context, List<Warning> warnings, boolean strict) {
    if (warnings.isEmpty()) {
      return;
    }
    if (strict) {
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT,
          warnings.stream().map(Warning::toDiagnostic).toList());
    }
    EnvelopeException.shown(warnings, "warning").forEach(context.err()::println);
    context.err().flush();
  }
}
