package dev.envelope.estimate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader;
import dev.envelope.model.RequirementsReader.Need;
import org.junit.jupiter.api.Test;

class SensitivityTest {
  private static Requirements read(String yaml) {
    return RequirementsReader.read("t.yaml", yaml.getBytes(UTF_8), Need.ESTIMATE);
  }

  // Storage per day = DAU x writes per user x payload: each input moves it in proportion to its
  // own spread, so the widest range must rank first: DAU (x100), then writes (x3), payload (x1.1).
  private static final String FILE = """
      users: {dau: 1M to 100M}
      workloads: {w: {writes_per_user: 1/day to 3/day, payload: 1KB to 1.1KB}}
      """;

  @Test
  void theWidestRangeMovesAProductMost() {
    Sensitivity.Result r = Sensitivity.of(read(FILE), "storage.bytes_per_day", 0.05, 0.95);
    assertThat(r.swings()).extracting(s -> s.input().path())
        .containsExactly("users.dau", "workloads.w.writes_per_user", "workloads.w.payload");
    // DAU alone from 1M to 100M, writes at sqrt(3)/day, payload at sqrt(1.1) KB:
    // 1M x 1.732 x 1,048.8 B = 1.8166 GB a day, and 100 times that.
    Sensitivity.Swing dau = r.swings().get(0);
    double perDay = 1e6 * Math.sqrt(3) * Math.sqrt(1000 * 1100.0);
    assertThat(dau.atLow()).isCloseTo(perDay, withinPercentage(1e-6));
    assertThat(dau.atHigh()).isCloseTo(100 * perDay, withinPercentage(1e-6));
    assertThat(r.point()).isCloseTo(10 * perDay, withinPercentage(1e-6));
  }

  @Test
  void anInputThatDoesNotReachTheFigureHasNoSwing() {
    Sensitivity.Result r = Sensitivity.of(read(FILE), "traffic.total.peak_per_second", 0.05, 0.95);
    assertThat(r.swings().get(2).input().path()).isEqualTo("workloads.w.payload");
    assertThat(r.swings().get(2).swing()).isZero();
  }
}
