package dev.envelope.estimate;

import java.util.Map;

/**
 * The lanes each input takes in a computation: the draws of an input written as a range, or its
 * single value.
 */
public final class Inputs {
  private final Map<String, double[]> draws;

  private Inputs(Map<String, double[]> draws) {
    this.draws = draws;
  }

  /** Every input at its point value. */
  static Inputs point() {
    return new Inputs(Map.of());
  }

  /** The inputs at {@code draws} (by input path), the others at their point values. */
  static Inputs of(Map<String, double[]> draws) {
    return new Inputs(draws);
  }

  /** The draws of {@code path}, or its point value as a single lane. */
  double[] get(String path, double point) {
    double[] d = draws.get(path);
    return d != null ? d : new double[] {point};
  }
}
