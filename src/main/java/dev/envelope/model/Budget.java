package dev.envelope.model;

import dev.envelope.diagnostic.Location;
import dev.envelope.units.QuantityException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One budget: an output path, a comparison and a limit as written ({@code "< 2PB"}). The limit is
 * read in the unit of the figure it bounds when the budget is checked.
 */
public record Budget(String path, Comparison comparison, String limit, Location location, OptionalDouble percentile) {
  private static final Pattern FORM =
      Pattern.compile("\\s*(?:[pP]([0-9]+(?:\\.[0-9]+)?)\\s*)?(<=|>=|<|>|==)\\s*(.+?)\\s*");
  static final String EXPECTED = "a comparison and a limit: \"<= 40\", \"< 2PB\", \">= 99.9%\" or \"< 50K/s\","
      + " optionally after a percentile of the Monte Carlo: \"p95 <= 40\"";

  /** A budget on the point value. */
  public Budget(String path, Comparison comparison, String limit, Location location) {
    this(path, comparison, limit, location, OptionalDouble.empty());
  }

  /** How the budget reads: {@code p95 <= 40}, {@code < 2PB}. */
  public String written() {
    return (percentile.isPresent() ? "p" + dev.envelope.units.Format.plain(percentile.getAsDouble()) + " " : "")
        + comparison.symbol() + " " + limit;
  }

  public enum Comparison {
    AT_MOST("<="),
    BELOW("<"),
    AT_LEAST(">="),
    ABOVE(">"),
    EQUAL("==");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public boolean holds(double actual, double limit) {
      return switch (this) {
        case AT_MOST -> actual <= limit;
        case BELOW -> actual < limit;
        case AT_LEAST -> actual >= limit;
        case ABOVE -> actual > limit;
        // Equal within binary rounding: a computed 1 TB a day is 999999999999.9999 B.
        case EQUAL -> Math.abs(actual - limit) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(limit));
      };
    }

    static Optional<Comparison> of(String symbol) {
      for (Comparison c : values()) {
        if (c.symbol.equals(symbol)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
  }

  static Budget parse(String path, String text, Location location) {
    Matcher m = FORM.matcher(dev.envelope.units.Numbers.spaces(text));
    if (!m.matches()) {
      throw new QuantityException("not a budget", EXPECTED);
    }
    OptionalDouble percentile = OptionalDouble.empty();
    if (m.group(1) != null) {
      double p = Double.parseDouble(m.group(1));
      if (!(p > 0 && p < 100)) {
        throw new QuantityException("a percentile must be above 0 and below 100",
            "a percentile such as p5, p50, p95 or p99.9 before the comparison");
      }
      percentile = OptionalDouble.of(p);
    }
    return new Budget(path, Comparison.of(m.group(2)).orElseThrow(), m.group(3), location, percentile);
  }
}
