package dev.envelope.cli;

import dev.envelope.estimate.MonteCarlo;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * {@code --samples}, {@code --seed}, {@code --percentiles}: the Monte Carlo run when any input of
 * the file is written as a range. They change nothing for a file without ranges.
 */
final class SamplingOptions {
  @Option(names = "--samples", paramLabel = "N", converter = Converters.Samples.class,
      description = "Monte Carlo draws when an input is a range (default: 10,000; at most 1,000,000).")
  Integer samples;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the draws (default: 1): the same seed gives the same output.")
  Long seed;

  @Option(names = "--percentiles", paramLabel = "LIST", split = ",", converter = Converters.Percentile.class,
      description = "Percentiles to report, comma-separated (default: 5,50,95).")
  List<Double> percentiles;

  MonteCarlo.Settings settings() {
    return settings(List.of());
  }

  /** The settings, with {@code extra} percentiles (those budgets name) beside the requested ones. */
  MonteCarlo.Settings settings(List<Double> extra) {
    TreeSet<Double> ps = new TreeSet<>(percentiles == null ? MonteCarlo.DEFAULT_PERCENTILES : percentiles);
    ps.addAll(extra);
    return new MonteCarlo.Settings(samples == null ? MonteCarlo.DEFAULT_SAMPLES : samples,
        seed == null ? MonteCarlo.DEFAULT_SEED : seed, new ArrayList<>(ps));
  }
}
