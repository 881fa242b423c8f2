package dev.envelope.render;

import dev.envelope.model.Budget;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.model.Requirements;
import dev.envelope.units.Counts;
import dev.envelope.units.Fractions;
import dev.envelope.units.Numbers;
import dev.envelope.units.QuantityException;
import dev.envelope.units.Rate;
import dev.envelope.units.Sizes;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.Span;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Evaluates budgets against an estimate. A limit is read in the unit of the figure it bounds:
 * {@code "< 2PB"} for bytes, {@code "< 50K/s"} for a rate, {@code "<= 40"} for a count.
 */
public final class Budgets {
  private Budgets() {}

  /**
   * The outcome of one budget in one scenario. {@code margin} is the room left before the budget
   * breaks (negative once it has), in the figure's unit; {@code marginFraction} is that relative to
   * the limit.
   */
  public record Result(String scenario, Budget budget, Tree.Quantity actual, double limit, double margin,
      double marginFraction, boolean passed, OptionalDouble point, Optional<Why> why) {
    /** The same outcome, with why it failed. */
    public Result because(Why why) {
      return new Result(scenario, budget, actual, limit, margin, marginFraction, passed, point, Optional.of(why));
    }
  }

  /**
   * Why a budget failed, for the next step: the inputs that move its figure most (the sensitivity
   * ranking, largest swing first), or why none is named ({@code none}: the file has no ranges, or
   * none reaches the figure); and the {@code explain} command that shows its working.
   */
  public record Why(List<Driver> drivers, String none, String explain) {
    public Why {
      drivers = List.copyOf(drivers);
    }
  }

  /** One input behind a failing figure: the figure with the input at its low and at its high percentile. */
  public record Driver(String input, double atLow, double atHigh) {}

  /**
   * The margin as people read it: in the figure's unit and as a share of the limit, or, past
   * 1,000% of it (the value more than eleven times the limit), as a factor: {@code 22,000x over}
   * for a budget that fails, {@code 22,000x the limit} for a lower bound far exceeded; a percentage
   * of millions says less plainly.
   */
  public static String margin(Result r, dev.envelope.units.UnitSystem units) {
    Tree.Quantity margin = new Tree.Quantity(Math.abs(r.margin()), r.actual().kind());
    String room = (r.margin() < 0 ? "-" : "") + Display.display(margin, units);
    double actual = r.actual().value();
    double limit = r.limit();
    if (Math.abs(r.marginFraction()) >= FACTOR && actual > 0 && limit > 0) {
      double factor = dev.envelope.units.Format.rounded(actual / limit);
      String x = factor >= 1000 ? dev.envelope.units.Format.integer(factor) : dev.envelope.units.Format.sig3(factor);
      return room + " (" + x + "x " + (r.passed() ? "the limit" : "over") + ")";
    }
    return room + " (" + (r.marginFraction() < 0 ? "" : "+")
        + dev.envelope.units.Format.sig3(r.marginFraction() * 100) + "%)";
  }

  /** From a margin of ten times the limit (1,000%), a margin is shown as a factor. */
  static final double FACTOR = 10;

  /** Every budget's outcome in every scenario, and the units to show them in. */
  public record Evaluation(List<Result> results, dev.envelope.units.UnitSystem units) {}

  /**
   * Evaluates {@code budget} against {@code tree}; a budget naming no figure, or a limit that does
   * not read in the figure's unit, is a problem in the file.
   */
  public static Result evaluate(String scenario, Budget budget, Tree tree, Requirements req, List<Diagnostic> problems) {
    Object value = tree.at(budget.path());
    String path = "budgets." + budget.path();
    OptionalDouble pointValue = OptionalDouble.empty();
    if (budget.percentile().isPresent() && value instanceof Tree.Quantity point) {
      pointValue = OptionalDouble.of(point.value());
      // A figure no range reaches is one value, which is each of its percentiles.
      Object summary = tree.at("uncertainty") instanceof Tree u ? u.children().get(budget.path()) : null;
      if (summary instanceof Tree s
          && s.children().get(UncertaintyReport.key(budget.percentile().getAsDouble())) instanceof Tree.Quantity f) {
        value = new Tree.Quantity(f.value(), point.kind());
      }
    }
    if (!(value instanceof Tree.Quantity figure)) {
      String why = value instanceof Tree || value instanceof List ? "names a group of figures, not one"
          : value instanceof String ? "names a text, not a number"
          : value instanceof Boolean ? "names a yes or no (true or false), not a number"
          : "no such figure in the estimate" + (scenario.equals("base") ? "" : " of scenario " + scenario)
              + didYouMean(budget.path(), tree);
      problems.add(new Diagnostic(budget.location(), path, why
          + "; expected a figure path as printed by envelope estimate FILE -o json"));
      return null;
    }
    double limit;
    try {
      limit = limit(budget.limit(), figure.kind(), req);
    } catch (QuantityException q) {
      String[] kind = kind(figure.kind());
      // A number out of a double's range is the right kind, but cannot be compared: say so.
      String problem = q.problem().startsWith("number is") ? q.problem()
          : "the figure is " + kind[0] + " and the limit is not one";
      problems.add(new Diagnostic(budget.location(), path, problem
          + " (got '" + Diagnostic.got(budget.limit()) + "'); expected " + kind[1]));
      return null;
    }
    double actual = figure.value();
    boolean upper = budget.comparison() == Budget.Comparison.AT_MOST || budget.comparison() == Budget.Comparison.BELOW;
    double margin = budget.comparison() == Budget.Comparison.EQUAL ? -Math.abs(actual - limit)
        : upper ? limit - actual : actual - limit;
    double fraction = limit == 0 ? (margin == 0 ? 0 : Math.signum(margin)) : margin / Math.abs(limit);
    return new Result(scenario, budget, figure, limit, margin, fraction, budget.comparison().holds(actual, limit),
        pointValue, Optional.empty());
  }

  /** {@code (did you mean 'capacity.servers'?)} when a figure of the estimate is a typo away from {@code path}. */
  private static String didYouMean(String path, Tree tree) {
    List<String> figures = Flat.rows(tree).stream().filter(r -> r.value() instanceof Tree.Quantity)
        .map(Flat.Row::path).filter(p -> !p.startsWith("uncertainty.")).toList();
    String near = dev.envelope.model.Suggest.closest(path, figures);
    return near == null ? " (a figure is absent when its inputs are)" : " (did you mean '" + near + "'?)";
  }

  /** What a figure of {@code kind} is, and the limits it takes. */
  private static String[] kind(Tree.Quantity.Kind kind) {
    return switch (kind) {
      case COUNT, INTEGER -> new String[] {"a count", "a count such as 40 or 2K"};
      case NUMBER -> new String[] {"a number", "a number such as 3 or 2.5"};
      case MONEY -> new String[] {"an amount of money", "an amount in the file's currency such as 50000 or 50K"};
      case RATE -> new String[] {"a rate", "a rate such as 50K/s or 3M/day (a bare number is per second)"};
      case BYTES -> new String[] {"a size", "a size such as 2PB or 500GB"};
      case BYTES_PER_SECOND -> new String[] {"a byte rate", "a byte rate such as 100MB/s or 1GB/day"};
      case SECONDS -> new String[] {"a duration", "a duration such as 43m 12s or 4h, a time such as 50ms, or seconds"
          + " (3600)"};
      case FRACTION -> new String[] {"a percentage", "a percentage such as 99.9% or 0.999"};
    };
  }

  /** A limit in the base unit of a figure of {@code kind}. */
  static double limit(String text, Tree.Quantity.Kind kind, Requirements req) {
    return switch (kind) {
      case COUNT, INTEGER -> Counts.parse(text);
      case NUMBER -> Numbers.parse(text, "a number");
      case MONEY -> Counts.parse(text);
      case RATE -> text.contains("/") ? Rate.parse(text, null).perSecond(req.conventions().time())
          : Rate.parse(text, CalendarUnit.SECOND).perSecond(req.conventions().time());
      case BYTES -> Sizes.parse(text, req.conventions().units());
      case BYTES_PER_SECOND -> bytesPerSecond(text, req);
      case SECONDS -> Numbers.isNumber(text) ? Numbers.parse(text, "seconds") : seconds(text, req);
      case FRACTION -> text.contains("nine") ? Fractions.target(text) : Fractions.percent(text, true);
    };
  }

  /** A duration as the file writes one (5y, 43m 12s), or a clock time as latencies are written (50ms). */
  private static double seconds(String text, Requirements req) {
    try {
      return Span.parse(text).seconds(req.conventions().time());
    } catch (QuantityException span) {
      try {
        return dev.envelope.units.Times.seconds(text);
      } catch (QuantityException time) {
        throw span;
      }
    }
  }

  private static double bytesPerSecond(String text, Requirements req) {
    String t = text.strip();
    int slash = t.lastIndexOf('/');
    if (slash < 0) {
      return Sizes.parse(t, req.conventions().units());
    }
    Rate per = Rate.parse("1/" + t.substring(slash + 1), null);
    return Sizes.parse(t.substring(0, slash), req.conventions().units()) * per.perSecond(req.conventions().time());
  }
}
