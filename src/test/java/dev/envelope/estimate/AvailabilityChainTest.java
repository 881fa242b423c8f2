package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.envelope.estimate.AvailabilityChain.Chain;
import dev.envelope.estimate.AvailabilityChain.Input;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityChainTest {
  /** System Design Primer, "Availability in numbers": two 99.9% components in sequence give 99.8%. */
  @Test
  void twoComponentsInSequenceMultiply() {
    Chain chain = AvailabilityChain.of(List.of(new Input("a", 0.001, 1, 1), new Input("b", 0.001, 1, 1)));
    // 0.999 x 0.999 = 0.998001
    assertThat(chain.availability()).isCloseTo(0.998001, within(1e-12));
    assertThat(chain.unavailability()).isCloseTo(0.001999, withinPercentage(1e-9));
  }

  /** System Design Primer: two 99.9% components in parallel give 99.9999% (1 - 0.001 x 0.001). */
  @Test
  void oneOfTwoIsTheParallelCase() {
    assertThat(Redundancy.availability(0.999, 2, 1)).isCloseTo(0.999999, within(1e-13));
    assertThat(Math.exp(Redundancy.logUnavailability(0.001, 2, 1))).isCloseTo(1e-6, withinPercentage(1e-9));
  }

  /**
   * A 2-of-3 quorum of 99.9% replicas: down when 2 or 3 replicas are, 3 u^2 (1 - u) + u^3 with
   * u = 0.001: 3 x 1e-6 x 0.999 + 1e-9 = 2.998e-6, so 99.9997002%.
   */
  @Test
  void aQuorumOfTwoOfThree() {
    assertThat(Math.exp(Redundancy.logUnavailability(0.001, 3, 2))).isCloseTo(2.998e-6, withinPercentage(1e-9));
    assertThat(Redundancy.availability(0.999, 3, 2)).isCloseTo(0.999997002, within(1e-13));
  }

  /** n of n is the serial case: three of three 99.9% replicas are 0.999^3 = 0.997002999. */
  @Test
  void allOfNIsTheSerialCase() {
    assertThat(Redundancy.availability(0.999, 3, 3)).isCloseTo(0.997002999, within(1e-13));
  }

  /**
   * MTBF 720 h, MTTR 30 min: down 0.5 / (720 + 0.5) = 6.9396e-4 of the time, up 99.93060%; three
   * such replicas with one needed are down u^3 = 3.3420e-10 of the time.
   */
  @Test
  void aRepairableReplicaIsUpMtbfOverMtbfPlusMttr() {
    double u = Redundancy.unavailability(720 * 3600, 30 * 60);
    assertThat(u).isCloseTo(6.939625e-4, withinPercentage(1e-5));
    assertThat(Math.exp(Redundancy.logUnavailability(u, 3, 1))).isCloseTo(3.3420124e-10, withinPercentage(1e-5));
  }

  /**
   * Nines stay finite far past double precision: one of 200 replicas at 99.9% is down
   * 0.001^200 = 1e-600 of the time (600 nines), below the smallest double.
   */
  @Test
  void ninesStayFiniteBeyondDoublePrecision() {
    Chain chain = AvailabilityChain.of(List.of(new Input("many", 0.001, 200, 1)));
    assertThat(chain.nines()).isCloseTo(600, within(1e-6));
    assertThat(chain.availability()).isEqualTo(1);
    Chain two = AvailabilityChain.of(List.of(new Input("a", 0.001, 200, 1), new Input("b", 0.001, 200, 1)));
    // twice 1e-600: log10(2e-600) = -599.699
    assertThat(two.nines()).isCloseTo(600 - Math.log10(2), within(1e-6));
  }

  /**
   * The lowest link caps the chain, and the margin is in nines: the 99.8% chain above has
   * -log10(0.001999) = 2.6992 nines, 0.3008 short of a 99.9% target (3 nines).
   */
  @Test
  void theWeakestLinkLimitsTheChainAndTheMarginIsInNines() {
    Chain chain = AvailabilityChain.of(List.of(
        new Input("lb", 0.0001, 2, 1), new Input("app", 0.001, 1, 1), new Input("db", 0.001, 3, 2)));
    assertThat(chain.limitedBy()).isEqualTo("app");
    assertThat(chain.singlePointsOfFailure()).containsExactly("app");
    Chain sequence = AvailabilityChain.of(List.of(new Input("a", 0.001, 1, 1), new Input("b", 0.001, 1, 1)));
    assertThat(sequence.nines()).isCloseTo(2.699187, within(1e-6));
    assertThat(sequence.meets(0.001)).isFalse();
    assertThat(sequence.marginNines(0.001)).isCloseTo(-0.300813, within(1e-6));
    assertThat(sequence.meets(0.002)).isTrue();
    // the first of equal links is named
    assertThat(sequence.limitedBy()).isEqualTo("a");
  }

  @Test
  void refusesImpossibleInputs() {
    assertThatThrownBy(() -> Redundancy.logUnavailability(0.001, 2, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Redundancy.logUnavailability(0, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AvailabilityChain.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
