package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StreamsTest {
  static final double MB = 1e6;

  /** 20 MB/s over 5 MB/s in and 3 MB/s out per partition: max(4, 6.67) rounded up is 7, bound by consume. */
  @Test
  void partitionsAreTheLargerOfTheProduceAndConsumeCounts() {
    Streams.Partitions p = Streams.partitions(20 * MB, OptionalDouble.of(5 * MB), OptionalDouble.of(3 * MB));
    assertThat(p.byProduce()).hasValue(4);
    assertThat(p.byConsume()).hasValue(7);
    assertThat(p.partitions()).isEqualTo(7);
    assertThat(p.boundBy()).isEqualTo("consume");
  }

  @Test
  void oneSideAloneGivesTheCount() {
    // 0.3 x 50 MB/s / 3 MB/s is 5 in exact arithmetic, a hair over 5 in binary: still 5
    Streams.Partitions p = Streams.partitions(0.3 * 50 * MB, OptionalDouble.empty(), OptionalDouble.of(3 * MB));
    assertThat(p.partitions()).isEqualTo(5);
    assertThat(p.byProduce()).isEmpty();
    assertThat(Streams.partitions(0, OptionalDouble.of(5 * MB), OptionalDouble.empty()).partitions()).isEqualTo(1);
  }

  /** 20 MB/s kept 7 days: 20e6 x 604,800 s = 1.2096e13 B, 12.1 TB. */
  @Test
  void theLogHoldsTheRateOverTheRetention() {
    assertThat(Streams.logBytes(20 * MB, 7 * 86_400)).isEqualTo(1.2096e13);
  }
}
