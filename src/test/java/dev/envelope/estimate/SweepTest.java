package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.envelope.model.Assignment;
import dev.envelope.diagnostic.EnvelopeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTest {
  private static List<String> values(String text) {
    return Sweep.axis("--vary", text).values().stream().map(Assignment::value).toList();
  }

  private static List<String> rows(Sweep sweep) {
    return sweep.combinations().stream()
        .map(c -> String.join(" ", c.stream().map(a -> a.dottedPath() + "=" + a.value()).toList()))
        .toList();
  }

  @Test
  void combinationsAreTheCartesianProductWithTheFirstAxisSlowest() {
    Sweep sweep = new Sweep(List.of(Sweep.axis("--vary", "users.dau=1M,2M"),
        Sweep.axis("--vary", "storage.replication=1,2,3")));
    // Nested loops in command-line order: for dau { for replication { ... } }.
    assertThat(rows(sweep)).containsExactly(
        "users.dau=1M storage.replication=1",
        "users.dau=1M storage.replication=2",
        "users.dau=1M storage.replication=3",
        "users.dau=2M storage.replication=1",
        "users.dau=2M storage.replication=2",
        "users.dau=2M storage.replication=3");
  }

  @Test
  void theNumberOfCombinationsIsTheProductOfTheListLengths() {
    Sweep sweep = new Sweep(List.of(Sweep.axis("--vary", "a=1,2,3"), Sweep.axis("--vary", "b=1,2,3,4"),
        Sweep.axis("--vary", "c=1,2,3,4,5")));
    // 3 x 4 x 5 = 60, each exactly once.
    assertThat(sweep.size()).isEqualTo(60);
    assertThat(rows(sweep)).hasSize(60).doesNotHaveDuplicates();
    assertThat(rows(sweep).get(59)).isEqualTo("a=3 b=4 c=5");
  }

  @Test
  void oneAxisGivesOneRowPerValueInOrder() {
    assertThat(rows(new Sweep(List.of(Sweep.axis("--vary", "users.dau=100M,10M,1M")))))
        .containsExactly("users.dau=100M", "users.dau=10M", "users.dau=1M");
  }

  @Test
  void commasSeparateTheValuesAndSpacesAroundThemAreDropped() {
    assertThat(values("users.dau=1M,10M,100M")).containsExactly("1M", "10M", "100M");
    assertThat(values("capacity.server_qps=100, 200, 500")).containsExactly("100", "200", "500");
    assertThat(values("storage.replication=1,2,3")).containsExactly("1", "2", "3");
    assertThat(values("capacity.server_qps=500,1000,2000")).containsExactly("500", "1000", "2000");
    assertThat(values("cache.hot_fraction=0.5,100")).containsExactly("0.5", "100");
    assertThat(values("capacity.shard_read_qps=0,100")).containsExactly("0", "100");
    assertThat(values("workloads.t.read_write_ratio=10:1,20:1")).containsExactly("10:1", "20:1");
  }

  @Test
  void aListWithASemicolonIsSeparatedBySemicolonsAndItsCommasGroupDigits() {
    assertThat(values("conventions.seconds_per_day=86,400;100,000")).containsExactly("86,400", "100,000");
    assertThat(values("users.dau=1,000;2,500,000;3M")).containsExactly("1,000", "2,500,000", "3M");
  }

  @Test
  void aCommaListThatAlsoReadsAsOneGroupedNumberIsRefused() {
    assertThatThrownBy(() -> Sweep.axis("--vary", "conventions.seconds_per_day=86,400"))
        .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageContaining("--vary conventions.seconds_per_day=86,400: '86,400' reads both as one number")
        .hasMessageContaining("expected 86;400").hasMessageContaining("or 86400 (one number)");
    assertThatThrownBy(() -> Sweep.axis("--vary", "capacity.server_qps=100,200,500"))
        .hasMessageContaining("expected 100;200;500");
    assertThatThrownBy(() -> Sweep.axis("--vary", "users.dau=1M,1,500K")).hasMessageContaining("'1,500'");
  }

  @Test
  void anEmptyValueIsACommandLineError() {
    for (String text : List.of("users.dau=1M,,10M", "users.dau=1M,", "users.dau=", "users.dau=1M;;2M", "users.dau=1M; ")) {
      assertThatThrownBy(() -> Sweep.axis("--vary", text)).as(text)
          .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
          .hasMessageContaining("an empty value");
    }
  }

  @Test
  void aMissingEqualsSignIsACommandLineError() {
    assertThatThrownBy(() -> Sweep.axis("--vary", "users.dau"))
        .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage("--vary users.dau: expected PATH=V1,V2,..., e.g. --vary users.dau=1M,10M,100M");
  }

  @Test
  void eachValueNamesTheOptionAndItselfAsItsOrigin() {
    List<Assignment> values = Sweep.axis("--vary", "users.dau=1M,3x").values();
    assertThat(values.get(1).origin().file()).isEqualTo("--vary users.dau=3x");
    assertThat(values.get(1).origin().isArgument()).isTrue();
    assertThat(values.get(1).path()).containsExactly("users", "dau");
  }

  @Test
  void tenThousandCombinationsRunAndOneMoreIsRefused() {
    String hundred = String.join(",", Collections.nCopies(100, "1"));
    assertThat(new Sweep(List.of(Sweep.axis("--vary", "a=" + hundred), Sweep.axis("--vary", "b=" + hundred))).size())
        .isEqualTo(10_000);
    String hundredAndOne = hundred + ",1";
    // 101 x 100 = 10,100.
    assertThatThrownBy(() -> new Sweep(List.of(Sweep.axis("--vary", "a=" + hundredAndOne),
        Sweep.axis("--vary", "b=" + hundred))))
        .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage("--vary: 10,100 combinations (101 x 100); expected at most 10,000: fewer values, or several smaller sweeps");
  }

  @Test
  void aCountBeyondALongSaysTooManyInsteadOfOverflowing() {
    List<Sweep.Axis> axes = new ArrayList<>();
    String ten = "1,2,3,4,5,6,7,8,9,10";
    for (int i = 0; i < 20; i++) {
      axes.add(Sweep.axis("--vary", "p" + i + "=" + ten));
    }
    // 10^20 does not fit in a long (about 9.2 x 10^18).
    assertThatThrownBy(() -> new Sweep(axes)).hasMessageStartingWith("--vary: too many combinations (10 x 10 x");
  }

  @Test
  void anInputVariedTwiceIsRefused() {
    assertThatThrownBy(() -> new Sweep(List.of(Sweep.axis("--vary", "users.dau=1M"), Sweep.axis("--vary", "users.dau=2M"))))
        .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageContaining("--vary users.dau: varied twice");
  }
}
