package dev.envelope.cli;

import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.units.Numbers;
import dev.envelope.units.QuantityException;
import dev.envelope.estimate.MonteCarlo;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.units.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * {@code --samples}, {@code --seed}, {@code --percentiles}: the Monte Carlo run when any input of
 * the file is written as a range. They change nothing for a file without ranges.
 */
final class SamplingOptions {
  /** Enough for four-digit percentiles; each figure holds this many doubles in memory. */
  static final int MAX_SAMPLES = 1_000_000;

  @Option(names = "--samples", paramLabel = "N",
      description = "Monte Carlo draws when an input is a range (default: 10,000; at most 1,000,000).")
  String samples;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the draws (default: 1): the same seed gives the same output.")
  Long seed;

  @Option(names = "--percentiles", paramLabel = "LIST",
      description = "Percentiles to report, comma-separated (default: 5,50,95).")
  String percentiles;

  MonteCarlo.Settings settings() {
    return settings(List.of());
  }

  /** The settings, with {@code extra} percentiles (those budgets name) beside the requested ones. */
  MonteCarlo.Settings settings(List<Double> extra) {
    int n = MonteCarlo.DEFAULT_SAMPLES;
    if (samples != null) {
      double parsed;
      try {
        parsed = dev.envelope.units.Counts.parse(samples);
      } catch (RuntimeException e) {
        parsed = Double.NaN;
      }
      if (!(parsed >= 1 && parsed <= MAX_SAMPLES) || parsed != Math.rint(parsed)) {
        throw new EnvelopeException(EnvelopeException.USAGE, "--samples " + Diagnostic.got(samples)
            + ": expected a whole number of draws from 1 to 1,000,000 (or 10K, 100K, 1M)");
      }
      n = (int) parsed;
    }
    TreeSet<Double> ps = new TreeSet<>();
    if (percentiles == null) {
      ps.addAll(MonteCarlo.DEFAULT_PERCENTILES);
    } else {
      for (String part : percentiles.split(",", -1)) {
        String t = part.strip();
        if (t.startsWith("p") || t.startsWith("P")) {
          t = t.substring(1);
        }
        double p;
        try {
          // The numbers of a file: Double.parseDouble would take 0x1p3 and 5d too.
          p = Numbers.parse(t, "a percentile");
        } catch (QuantityException e) {
          p = Double.NaN;
        }
        if (!(p > 0 && p < 100) || t.contains("e") || t.contains("E")) {
          throw new EnvelopeException(EnvelopeException.USAGE, "--percentiles " + Diagnostic.got(percentiles) + ": '"
              + Diagnostic.got(part.strip()) + "' is not a percentile; expected numbers above 0 and below 100, such as 5,50,95 or 1,50,99.9");
        }
        ps.add(p);
      }
    }
    ps.addAll(extra);
    return new MonteCarlo.Settings(n, seed == null ? MonteCarlo.DEFAULT_SEED : seed, new ArrayList<>(ps));
  }

  static String describe(MonteCarlo.Settings s) {
    return Format.integer(s.samples()) + " draws, seed " + s.seed();
  }
}
