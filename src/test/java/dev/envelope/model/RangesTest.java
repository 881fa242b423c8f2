package dev.envelope.model;

import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.Location;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.model.Uncertain.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangesTest {
  // The standard normal quantile of 95%, bounding a central 90% interval: 1.6448536.
  private static final double Z90 = 1.6448536269514722;

  private static Requirements read(String yaml) {
    return RequirementsReader.read("r.yaml", yaml.getBytes(UTF_8), Need.ESTIMATE);
  }

  private static List<Diagnostic> problems(String yaml) {
    try {
      read(yaml);
    } catch (EnvelopeException e) {
      return e.diagnostics();
    }
    throw new AssertionError("expected problems");
  }

  private static Uncertain only(Requirements req, String path) {
    return req.uncertainty().inputs().stream().filter(u -> u.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void aToBIsTheLognormalThroughBothEndsAsA90PercentInterval() {
    Requirements req = read("users: {dau: 8M to 12M}\nworkloads: {w: {writes_per_user: 2/day}}\n");
    Uncertain dau = only(req, "users.dau");
    // median = sqrt(8M x 12M) = sqrt(96e12) = 9,797,958.97; sigma = ln(12/8) / (2 x 1.6449) = 0.123256
    assertThat(dau.shape()).isEqualTo(Shape.LOGNORMAL);
    assertThat(dau.median()).isCloseTo(9_797_958.97, within(0.01));
    assertThat(dau.b()).isCloseTo(Math.log(1.5) / (2 * Z90), within(1e-12));
    assertThat(dau.b()).isEqualTo(dau.c());
    assertThat(dau.written()).isEqualTo("8M to 12M");
    assertThat(dau.location()).isEqualTo(new Location("r.yaml", 1, 14));
    // The point estimate reads the range at its median.
    assertThat(req.users().orElseThrow().dau().getAsDouble()).isCloseTo(9_797_958.97, within(0.01));
  }

  @Test
  void eachEndIsReadByTheFieldsOwnParser() {
    Requirements req = read("""
        users: {dau: 1M}
        workloads:
          w: {writes_per_user: 1/day to 4/day, payload: 1KB to 4KB, read_write_ratio: 10:1 to 30:1}
        storage: {retention: 1y to 4y}
        """);
    // Rates in per second: 1/day = 1/86,400 /s; the median of 1/day to 4/day is 2/day.
    assertThat(only(req, "workloads.w.writes_per_user").median()).isCloseTo(2.0 / 86_400, within(1e-15));
    assertThat(req.workloads().get(0).writesPerUser().orElseThrow().amount()).isCloseTo(2, within(1e-12));
    assertThat(only(req, "workloads.w.payload").median()).isCloseTo(2000, within(1e-9));
    assertThat(only(req, "workloads.w.read_write_ratio").median()).isCloseTo(Math.sqrt(300), within(1e-9));
    // 1y to 4y: median 2 years of 365 days.
    assertThat(only(req, "storage.retention").median()).isCloseTo(2 * 365 * 86_400.0, within(1e-3));
  }

  @Test
  void lowHighWithConfidenceAndMid() {
    Requirements req = read("""
        users: {dau: {low: 8M, high: 12M, confidence: 80%}}
        workloads: {w: {writes_per_user: {low: 2/day, mid: 5/day, high: 20/day}}}
        """);
    // An 80% interval: z = 1.28155; sigma = ln(1.5) / (2 x 1.28155) = 0.158196.
    assertThat(only(req, "users.dau").b()).isCloseTo(Math.log(1.5) / (2 * 1.2815515655446004), within(1e-9));
    Uncertain w = only(req, "workloads.w.writes_per_user");
    // Two pieces through 2, 5 and 20: below ln(5/2)/1.6449 = 0.55706, above ln(20/5)/1.6449 = 0.84280.
    assertThat(w.median()).isCloseTo(5.0 / 86_400, within(1e-15));
    assertThat(w.b()).isCloseTo(Math.log(2.5) / Z90, within(1e-9));
    assertThat(w.c()).isCloseTo(Math.log(4) / Z90, within(1e-9));
  }

  @Test
  void namedDistributions() {
    Requirements req = read("""
        users: {dau: {dist: normal, mean: 10M, sd: 1M}}
        workloads:
          a: {writes_per_user: {dist: uniform, low: 1/day, high: 3/day}, payload: {dist: triangular, low: 1KB, mode: 2KB, high: 6KB}}
          b: {writes_per_user: {dist: fixed, value: 2/day}, payload: {dist: lognormal, median: 1KB, sigma: 0.5}}
        """);
    assertThat(only(req, "users.dau").median()).isEqualTo(10e6);
    assertThat(only(req, "workloads.a.writes_per_user").median()).isCloseTo(2.0 / 86_400, within(1e-15));
    // Triangular 1, 2, 6 (KB): mode 2 is below the middle, so median = 6 - sqrt((6-1)(6-2)/2) = 2.8377 KB.
    assertThat(only(req, "workloads.a.payload").median()).isCloseTo(6000 - Math.sqrt(5000.0 * 4000 / 2), within(1e-6));
    assertThat(only(req, "workloads.b.writes_per_user").shape()).isEqualTo(Shape.FIXED);
    assertThat(only(req, "workloads.b.payload").b()).isEqualTo(0.5);
  }

  @Test
  void inheritedInputsShareTheirSourcesDraws() {
    Requirements req = read("""
        users: {dau: 1M}
        traffic: {peak_factor: 2 to 4}
        workloads: {w: {writes_per_user: 1/day, read_write_ratio: 5, payload: 1KB to 2KB}}
        """);
    assertThat(req.uncertainty().inherits())
        .containsEntry("workloads.w.read_size", "workloads.w.payload")
        .containsEntry("workloads.w.peak_factor", "traffic.peak_factor");
  }

  @Test
  void aRangeThroughZeroIsRefusedWithTheWayOut() {
    assertThat(problems("users: {dau: 0 to 10M}\nworkloads: {w: {writes_per_user: 1/day}}\n"))
        .singleElement().satisfies(d -> {
          assertThat(d.path()).isEqualTo("users.dau");
          assertThat(d.location()).isEqualTo(new Location("r.yaml", 1, 14));
          assertThat(d.message()).contains("needs both ends above zero (got '0 to 10M')")
              .contains("{dist: uniform, low: 0");
        });
    assertThat(problems("users: {dau: -1M to 10M}\nworkloads: {w: {writes_per_user: 1/day}}\n"))
        .singleElement().satisfies(d -> assertThat(d.message()).contains("cannot be negative"));
  }

  @Test
  void reversedEndsUnknownKeysAndBadDistributionsAreReported() {
    List<Diagnostic> found = problems("""
        users: {dau: 12M to 8M}
        workloads:
          a: {writes_per_user: {low: 1/day, hgih: 2/day}}
          b: {writes_per_user: {dist: poisson, low: 1/day, high: 2/day}}
          c: {writes_per_user: {dist: uniform, low: 1/day, mode: 2/day, high: 3/day}}
          d: {writes_per_user: 1/day to lots}
        """);
    assertThat(found).extracting(Diagnostic::path).containsExactly("users.dau",
        "workloads.a.writes_per_user.high", "workloads.a.writes_per_user.hgih",
        "workloads.b.writes_per_user.dist", "workloads.c.writes_per_user.mode", "workloads.d.writes_per_user");
    assertThat(found.get(0).message()).contains("the low end is not below the high end");
    assertThat(found.get(2).message()).contains("did you mean 'high'?");
    assertThat(found.get(3).message()).contains("expected lognormal, normal, uniform, triangular or fixed");
    assertThat(found.get(4).message()).contains("not a parameter of uniform; expected low, high");
  }

  @Test
  void aNormalThatReachesBelowZeroIsRefused() {
    assertThat(problems("users: {dau: {dist: normal, mean: 10M, sd: 5M}}\nworkloads: {w: {writes_per_user: 1/day}}\n"))
        .singleElement().satisfies(d -> assertThat(d.message()).contains("reaches below 0"));
  }

  @Test
  void conventionsAndTargetsTakeOneValue() {
    List<Diagnostic> found = problems("""
        conventions: {seconds_per_day: 80K to 90K}
        availability: {target: 99.9% to 99.99%}
        workloads: {w: {writes: 1/s}}
        """);
    assertThat(found).extracting(Diagnostic::path)
        .containsExactly("conventions.seconds_per_day", "availability.target");
    assertThat(found.get(0).message()).contains("a convention is a definition, not an estimate");
    assertThat(found.get(1).message()).contains("a target is a requirement, not an estimate");
  }

  @Test
  void drawsStayWithinTheFieldsValidValues() {
    Requirements req = read("""
        users: {mau: 10M, daily_active: 60% to 95%}
        storage: {replication: 1 to 3}
        workloads: {w: {writes_per_user: 1/day}}
        """);
    assertThat(only(req, "users.daily_active").max()).isEqualTo(1);
    assertThat(only(req, "storage.replication").min()).isEqualTo(1);
  }
}
