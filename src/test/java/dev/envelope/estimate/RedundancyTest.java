package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

/** k of n replicas, alone (the calculator) and chained in a file (the catalog). */
class RedundancyTest {
  private static double down(double u, int n, int k) {
    return Math.exp(Redundancy.logUnavailability(u, n, k));
  }

  /** System Design Primer: two 99.9% components in parallel give 99.9999% (1 - 0.001 x 0.001). */
  @Test
  void oneOfTwoIsTheParallelCase() {
    assertThat(down(0.001, 2, 1)).isCloseTo(1e-6, withinPercentage(1e-9));
  }

  /**
   * A 2-of-3 quorum of 99.9% replicas: down when 2 or 3 replicas are, 3 u^2 (1 - u) + u^3 with
   * u = 0.001: 3 x 1e-6 x 0.999 + 1e-9 = 2.998e-6, so 99.9997002%.
   */
  @Test
  void aQuorumOfTwoOfThree() {
    assertThat(down(0.001, 3, 2)).isCloseTo(2.998e-6, withinPercentage(1e-9));
  }

  /** n of n is the serial case: three of three 99.9% replicas are down 1 - 0.999^3 = 0.002997001. */
  @Test
  void allOfNIsTheSerialCase() {
    assertThat(down(0.001, 3, 3)).isCloseTo(0.002997001, withinPercentage(1e-9));
  }

  /** Three replicas down 6.9396e-4 of the time each, one needed: u^3 = 3.3420e-10. */
  @Test
  void oneOfThreeRepairableReplicas() {
    assertThat(down(0.5 / 720.5, 3, 1)).isCloseTo(3.3420124e-10, withinPercentage(1e-5));
  }

  @Test
  void refusesImpossibleInputs() {
    assertThatThrownBy(() -> Redundancy.logUnavailability(0.001, 2, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Redundancy.logUnavailability(0, 2, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * System Design Primer, "Availability in numbers": two 99.9% components in sequence are
   * 0.999 x 0.999 = 99.8001%, -log10(0.001999) = 2.6992 nines, 0.3008 short of 99.9% (3 nines).
   * The first of equal links is named as the limit, and both are single points of failure.
   */
  @Test
  void twoComponentsInSequenceMultiplyAndFallShortInNines() {
    Estimate e = Estimates.of("""
        workloads: {a: {writes: 1/s}}
        availability:
          target: 99.9%
          components: [{name: a, availability: 99.9%}, {name: b, availability: 99.9%}]
        """);
    assertThat(e.value("availability.composite")).isCloseTo(0.998001, within(1e-12));
    assertThat(e.complement("availability.composite")).isCloseTo(0.001999, withinPercentage(1e-9));
    assertThat(e.value("availability.composite_nines")).isCloseTo(2.699187, within(1e-6));
    assertThat(e.value("availability.margin_nines")).isCloseTo(-0.300813, within(1e-6));
    assertThat(e.text("availability.meets_target")).isEqualTo(false);
    assertThat(e.text("availability.limited_by")).isEqualTo("a");
    assertThat(e.text("availability.single_points_of_failure")).isEqualTo(List.of("a", "b"));
  }

  /**
   * Nines stay finite far past double precision: one of 200 replicas at 99.9% is down
   * 0.001^200 = 1e-600 of the time (600 nines), below the smallest double; two such in sequence
   * are down 2e-600, 600 - log10(2) = 599.699 nines.
   */
  @Test
  void ninesStayFiniteBeyondDoublePrecision() {
    Estimate e = Estimates.of("""
        workloads: {a: {writes: 1/s}}
        availability:
          target: 99.9%
          components:
            - {name: a, availability: 99.9%, replicas: 200, required: 1}
            - {name: b, availability: 99.9%, replicas: 200, required: 1}
        """);
    assertThat(e.value("availability.components.0.nines")).isCloseTo(600, within(1e-6));
    assertThat(e.value("availability.composite_nines")).isCloseTo(600 - Math.log10(2), within(1e-6));
    assertThat(e.value("availability.composite")).isEqualTo(1);
  }
}
