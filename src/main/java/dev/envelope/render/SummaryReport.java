package dev.envelope.render;

import dev.envelope.diagnostic.Warning;
import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Estimate;
import dev.envelope.model.Requirements;
import dev.envelope.units.Format;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code estimate --summary}: the headline figures on one screen, each in the catalog's words with
 * its value and its path (for {@code --get}), the availability against its target, and how many
 * warnings there were. Every value is a figure of the estimate, none worked again here; a figure the
 * file does not give is left out. The tree is the whole estimate's, so JSON and YAML are unchanged.
 */
public final class SummaryReport {
  /** The headline figures, in the order a reader asks for them. */
  static final List<String> HEADLINES = List.of(
      "traffic.total.peak_per_second",
      "storage.bytes_per_year",
      "storage.bytes_retained",
      "storage.bytes_replicated",
      "bandwidth.egress.peak_bytes_per_second",
      "cache.bytes",
      "cache.nodes",
      "capacity.servers",
      "capacity.shards",
      "capacity.nodes",
      "cost.total.per_month",
      "availability.target",
      "availability.composite");

  /** Most warnings named; the rest are counted. */
  private static final int WARNINGS_NAMED = 2;

  private SummaryReport() {}

  /** The summary of {@code full}, the estimate report of {@code e}, with {@code warnings}. */
  public static Report of(Report full, Estimate e, List<Warning> warnings) {
    Requirements req = e.requirements();
    UnitSystem units = req.conventions().units();
    List<List<String>> rows = new ArrayList<>();
    for (String path : HEADLINES) {
      if (e.has(path) && e.figure(path).numeric()) {
        Step s = e.step(path);
        rows.add(List.of(s.words(), ExplainReport.display(s.result(), s.unit(), units), path));
      }
    }
    List<String> notes = new ArrayList<>();
    if (e.has("availability.meets_target")) {
      boolean meets = Boolean.TRUE.equals(e.figure("availability.meets_target").text());
      String margin = e.has("availability.margin_nines")
          ? Format.sig3(Math.abs(e.value("availability.margin_nines"))) + " nines" : "";
      notes.add(meets ? "the chain meets the target" + (margin.isEmpty() ? "" : ", " + margin + " to spare")
          : "the chain misses the target" + (margin.isEmpty() ? "" : " by " + margin));
    }
    if (warnings.isEmpty()) {
      notes.add("no warnings");
    } else {
      notes.add(warnings.size() + (warnings.size() == 1 ? " warning" : " warnings") + " (on standard error):");
      for (Warning w : warnings.subList(0, Math.min(WARNINGS_NAMED, warnings.size()))) {
        notes.add("  " + w.path());
      }
      if (warnings.size() > WARNINGS_NAMED) {
        notes.add("  and " + (warnings.size() - WARNINGS_NAMED) + " more");
      }
    }
    Report.Block block = new Report.Block("Headline figures", List.of(), rows, notes).dropping("paths", 2);
    return new Report(full.title() + ": summary", List.of(), List.of(block), full.tree());
  }
}
