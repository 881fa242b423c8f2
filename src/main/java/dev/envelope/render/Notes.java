package dev.envelope.render;

import dev.envelope.estimate.Derivation;
import dev.envelope.estimate.Derivation.Operand;
import dev.envelope.estimate.Derivation.Source;
import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Estimate;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table's notes from the catalog: each figure's formula as the estimate worked it, in its
 * symbols, with the conventions (seconds in a day, a month) and constants shown by their values.
 * No table restates a formula by hand; these lines change when the catalog does.
 */
final class Notes {
  private Notes() {}

  /** {@code peak writes/s = writes/s x peak_factor}; empty where the figure is absent or a value of the file. */
  static Optional<String> formula(Estimate e, String path, UnitSystem units) {
    if (!e.has(path) || !e.figure(path).numeric()) {
      return Optional.empty();
    }
    Step s = e.step(path);
    if (s.term() instanceof Operand o && o.from().kind() != Source.Kind.DERIVED) {
      return Optional.empty();
    }
    return Optional.of(s.symbol() + " = " + Derivation.render(s.term(), new BySymbol(units)));
  }

  /** The formulas of those of {@code paths} present, one line each. */
  static List<String> formulas(Estimate e, UnitSystem units, String... paths) {
    List<String> out = new ArrayList<>();
    for (String p : paths) {
      addTo(out, formula(e, p, units));
    }
    return out;
  }

  /** Most lines one table's notes list: beyond it, "and N more". */
  static final int MAX_LINES = 6;

  /**
   * The formulas of each workload's figure at {@code workloads.<name>.<suffix>}, for each suffix,
   * each distinct formula once: workloads worked alike share a line.
   */
  static List<String> perWorkload(Estimate e, UnitSystem units, List<String> workloads, String... suffixes) {
    java.util.LinkedHashSet<String> lines = new java.util.LinkedHashSet<>();
    for (String suffix : suffixes) {
      for (String w : workloads) {
        addTo(lines, formula(e, "workloads." + w + "." + suffix, units));
      }
    }
    return capped(new ArrayList<>(lines));
  }

  /** The lines, at most {@link #MAX_LINES} of them. */
  static List<String> capped(List<String> lines) {
    if (lines.size() <= MAX_LINES) {
      return lines;
    }
    List<String> out = new ArrayList<>(lines.subList(0, MAX_LINES - 1));
    out.add("and " + (lines.size() - MAX_LINES + 1) + " more formulas: envelope explain shows each");
    return out;
  }

  /** The formula of a total when it reads in one line: a sum over many workloads does not. */
  static Optional<String> total(Estimate e, String path, UnitSystem units) {
    Optional<String> f = formula(e, path, units);
    return f.isPresent() && f.get().length() <= 100 ? f : Optional.empty();
  }

  /** Adds the formula of a total to {@code notes} when it reads in one line. */
  static void total(Estimate e, String path, UnitSystem units, List<String> notes) {
    addTo(notes, total(e, path, units));
  }

  private static void addTo(java.util.Collection<String> lines, Optional<String> line) {
    if (line.isPresent()) {
      lines.add(line.get());
    }
  }

  /** The figure's formula with the values it used: {@code ceil(69.4 K/s / (5,000 /s x 70%))}. */
  static String substituted(Estimate e, String path, UnitSystem units) {
    Step s = e.step(path);
    return Derivation.render(s.term().shown(), new ByValue(units));
  }

  // Classes, not lambdas: on JDK 17 a lambda's first call links it through LambdaMetafactory,
  // which costs a short run time that a class loaded from the archive does not.

  /** Each operand by its symbol, or a convention or constant by its value. */
  private static final class BySymbol implements java.util.function.Function<Operand, String> {
    private final UnitSystem units;

    BySymbol(UnitSystem units) {
      this.units = units;
    }

    @Override
    public String apply(Operand o) {
      return symbol(o, units);
    }
  }

  /** Each operand by its value. */
  private static final class ByValue implements java.util.function.Function<Operand, String> {
    private final UnitSystem units;

    ByValue(UnitSystem units) {
      this.units = units;
    }

    @Override
    public String apply(Operand o) {
      return ExplainReport.display(o.value(), o.unit(), units);
    }
  }

  /** A convention or constant by its value (86,400 s), anything else by its symbol. */
  private static String symbol(Operand o, UnitSystem units) {
    Source.Kind kind = o.from().kind();
    boolean fixed = kind == Source.Kind.CONVENTION || o.from().path().isEmpty() && kind != Source.Kind.DERIVED;
    return fixed ? ExplainReport.display(o.value(), o.unit(), units) : o.symbol();
  }
}
