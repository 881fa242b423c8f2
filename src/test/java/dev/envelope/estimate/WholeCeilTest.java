package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WholeCeilTest {

  @Test
  void ceilingIgnoresFloatingPointNoise() {
    // 0.1 x 3 is 0.30000000000000004 in binary; divided by 0.3 it is 1.0000000000000002: one node.
    assertThat(0.1 * 3 / 0.3).isGreaterThan(1);
    assertThat(Op.wholeCeil(0.1 * 3 / 0.3)).isEqualTo(1);
    // 0.7 x 100 is 70.00000000000001 in binary.
    assertThat(Op.wholeCeil(0.7 * 100)).isEqualTo(70);
  }

  @Test
  void ceilingRoundsRealExcessUp() {
    assertThat(Op.wholeCeil(1.01)).isEqualTo(2);
    assertThat(Op.wholeCeil(17.28)).isEqualTo(18);
    assertThat(Op.wholeCeil(0.001)).isEqualTo(1);
  }

  @Test
  void wholeNumbersStayWhole() {
    assertThat(Op.wholeCeil(0)).isEqualTo(0);
    assertThat(Op.wholeCeil(3)).isEqualTo(3);
    assertThat(Op.wholeCeil(1e12)).isEqualTo(1e12);
  }
}
