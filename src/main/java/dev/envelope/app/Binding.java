package dev.envelope.app;

import dev.envelope.estimate.Estimate;
import dev.envelope.model.Requirements;
import dev.envelope.diagnostic.Warning;
import java.util.List;
import java.util.Optional;

/**
 * One binding of a file: its base or one scenario, with the command line's overrides, read into
 * requirements, estimated at the point, and checked for contradictory or implausible inputs.
 *
 * @param name {@code base} or the scenario's name
 */
public record Binding(String name, Optional<String> scenario, Requirements requirements, Estimate estimate,
    List<Warning> warnings) {
  public Binding {
    warnings = List.copyOf(warnings);
  }

  /** How messages name it: {@code the base}, {@code scenario holiday}. */
  public String label() {
    return scenario.map(s -> "scenario " + s).orElse("the base");
  }
}
