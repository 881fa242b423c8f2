package dev.envelope.cli;

import dev.envelope.estimate.MonteCarlo;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --samples}, {@code --seed}, {@code --percentiles}: the Monte Carlo run when any input of
 * the file is written as a range. They change nothing for a file without ranges.
 */
final class SamplingOptions {
  Integer samples;

  Long seed;

  List<Double> percentiles;

  /** Adds the options to {@code spec}. */
  static void declare(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("--samples").paramLabel("N").type(Integer.class)
        .converters(new Converters.Samples())
        .description("Monte Carlo draws when an input is a range (default: 10,000; at most 1,000,000).").build());
    spec.addOption(OptionSpec.builder("--seed").paramLabel("S").type(Long.class)
        .description("Seed of the draws (default: 1): the same seed gives the same output.").build());
    spec.addOption(OptionSpec.builder("--percentiles").paramLabel("LIST").type(List.class)
        .auxiliaryTypes(Double.class).splitRegex(",").converters(new Converters.Percentile())
        .description("Percentiles to report, comma-separated (default: 5,50,95).").build());
  }

  /** The options as parsed into {@code spec}. */
  static SamplingOptions of(CommandSpec spec) {
    SamplingOptions o = new SamplingOptions();
    o.samples = Specs.value(spec, "--samples");
    o.seed = Specs.value(spec, "--seed");
    o.percentiles = Specs.value(spec, "--percentiles");
    return o;
  }

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
