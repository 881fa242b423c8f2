package dev.envelope.estimate;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.envelope.estimate.Estimate.WorkloadFigures;
import dev.envelope.model.RequirementsReader;
import dev.envelope.model.RequirementsReader.Need;

/** Runs the estimator on a requirements file written inline in a test. */
final class Estimates {
  private Estimates() {}

  static Estimate of(String yaml) {
    return Estimator.estimate(RequirementsReader.read("test.yaml", yaml.getBytes(UTF_8), Need.ESTIMATE));
  }

  static WorkloadFigures workload(Estimate estimate, String name) {
    return estimate.workloads().stream()
        .filter(w -> w.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no workload " + name));
  }
}
