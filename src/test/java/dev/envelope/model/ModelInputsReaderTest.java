package dev.envelope.model;

import dev.envelope.diagnostic.Diagnostic;
import static dev.envelope.model.RequirementsReaderTest.at;
import static dev.envelope.model.RequirementsReaderTest.problems;
import static dev.envelope.model.RequirementsReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.envelope.model.Requirements.Assumption;
import dev.envelope.model.Requirements.CallLatency;
import dev.envelope.model.Requirements.Component;
import dev.envelope.model.Requirements.ModelInputs;
import dev.envelope.model.Requirements.Peak;
import dev.envelope.model.Requirements.PeakKind;
import dev.envelope.model.Requirements.WorkloadModel;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The keys of the availability and latency models, read and refused. */
class ModelInputsReaderTest {
  /** The example of the file format's description of these keys. */
  static final String EXAMPLE = """
      availability:
        target: 99.99%
        window: 30d
        components:
          - {name: lb,  availability: 99.99%, replicas: 2}
          - {name: app, mtbf: 720h, mttr: 30m, replicas: 3}
          - {name: db,  availability: 99.9%, replicas: 3, required: 2}
      traffic:
        peak: {model: diurnal, peak_hour_share: 10%}
      workloads:
        api:
          writes: 500/s
          latency: 20ms
        search:
          reads: 100/s
          fanout: 100
          call_latency: {p50: 5ms, p99: 50ms}
          hedge_after: p95
        events:
          writes: 20K/s
          payload: 1KB
          stream: {partition_produce: 5MB/s, partition_consume: 3MB/s}
      capacity:
        max_wait_p99: 10ms
      """;

  @Nested
  class Reading {
    @Test
    void readsEveryModelKey() {
      Requirements r = read(EXAMPLE);
      ModelInputs m = r.models();
      assertThat(r.availabilityTarget()).hasValue(0.9999);
      assertThat(m.window().orElseThrow().seconds(r.conventions().time())).isEqualTo(30 * 86_400);
      assertThat(m.components()).extracting(Component::name, Component::replicas, Component::required)
          .containsExactly(tuple("lb", 2, 1), tuple("app", 3, 1), tuple("db", 3, 2));
      // 1 - 99.99% in decimal; 30 min / (720 h + 30 min) = 1,800 / 2,593,800
      assertThat(m.components().get(0).replicaMiss()).isEqualTo(0.0001);
      assertThat(m.components().get(1).mtbfSeconds()).hasValue(2_592_000);
      assertThat(m.components().get(1).mttrSeconds()).hasValue(1_800);
      assertThat(m.components().get(1).replicaMiss()).isCloseTo(1800.0 / 2_593_800, within(1e-18));
      assertThat(m.components().get(2).replicaMiss()).isEqualTo(0.001);
      assertThat(m.peak()).hasValue(new Peak(PeakKind.DIURNAL, 0.1));
      assertThat(m.maxWaitP99()).hasValue(0.01);
      WorkloadModel api = m.workload("api").orElseThrow();
      assertThat(api.latencySeconds()).hasValue(0.02);
      assertThat(api.followsPeakModel()).isTrue();
      WorkloadModel search = m.workload("search").orElseThrow();
      assertThat(search.fanout()).hasValue(100);
      assertThat(search.callLatency()).hasValue(new CallLatency.Quantiles(0.005, 0.05));
      assertThat(search.hedgeAfter()).hasValue(0.95);
      WorkloadModel events = m.workload("events").orElseThrow();
      assertThat(events.stream().orElseThrow().produceBytesPerSecond()).hasValue(5e6);
      assertThat(events.stream().orElseThrow().consumeBytesPerSecond()).hasValue(3e6);
      // A model in use: no default peak factor among the assumptions, and no default window.
      assertThat(r.assumptions()).extracting(Assumption::path)
          .doesNotContain("traffic.peak_factor", "availability.window");
    }

    @Test
    void theTargetAloneStillReadsAndTheWindowDefaultsToTheCalendarsMonth() {
      Requirements r = read("""
          workloads: {post: {writes: 1/s}}
          availability: {target: 99.95%}
          """);
      assertThat(r.availabilityTarget()).hasValue(0.9995);
      assertThat(r.models().window()).isEmpty();
      assertThat(r.models().components()).isEmpty();
      assertThat(r.assumptions()).filteredOn(a -> a.path().equals("availability.window"))
          .extracting(Assumption::value, Assumption::source)
          .containsExactly(tuple(2_592_000.0, "default: the calendar's month, as for the SLA periods"));
    }

    @Test
    void aWorkloadWithItsOwnPeakFactorIgnoresTheModel() {
      Requirements r = read("""
          traffic: {peak: {model: poisson, percentile: p99.9}}
          workloads:
            a: {writes: 1/s}
            b: {writes: 1/s, peak_factor: 3}
          """);
      assertThat(r.models().peak()).hasValue(new Peak(PeakKind.POISSON, 0.999));
      assertThat(r.models().followsPeakModel("a")).isTrue();
      assertThat(r.models().followsPeakModel("b")).isFalse();
    }

    @Test
    void theSlowShareFormAndOneSidedStreams() {
      Requirements r = read("""
          workloads:
            s:
              writes: 1/s
              payload: 1KB
              fanout: 2K
              call_latency: {slow_fraction: 0.01%, over: 1s}
              stream: {partition_consume: 3MB/s}
          """);
      WorkloadModel s = r.models().workload("s").orElseThrow();
      assertThat(s.fanout()).hasValue(2000);
      assertThat(s.callLatency()).hasValue(new CallLatency.SlowShare(0.0001, 1));
      assertThat(s.stream().orElseThrow().produceBytesPerSecond()).isEqualTo(OptionalDouble.empty());
    }

    @Test
    void anEmptyComponentListReadsAsNoChain() {
      Requirements r = read("""
          workloads: {post: {writes: 1/s}}
          availability: {target: 99.9%, components: []}
          """);
      assertThat(r.models().components()).isEmpty();
    }
  }

  @Nested
  class Problems {
    @Test
    void componentsMustBeAListOfMappings() {
      assertThat(problems("""
          workloads: {post: {writes: 1/s}}
          availability:
            target: 99.9%
            components: {name: db}
          """)).containsExactly(at(4, 15, "availability.components", "got a mapping; expected a list such as"
              + " [{name: lb, availability: 99.99%, replicas: 2}, {name: db, availability: 99.9%}]"));
      assertThat(problems("""
          workloads: {post: {writes: 1/s}}
          availability:
            target: 99.9%
            components: [db]
          """)).containsExactly(at(4, 16, "availability.components[0]", "got 'db'; expected a component such as"
              + " {name: db, availability: 99.9%, replicas: 3, required: 2}"));
    }

    @Test
    void eachComponentNeedsANameAndOneFormOfAvailability() {
      assertThat(problems("""
          workloads: {post: {writes: 1/s}}
          availability:
            target: 99.9%
            components:
              - {availability: 99.9%}
              - {name: app}
              - {name: db, availability: 99.9%, mtbf: 720h}
              - {name: cache, mtbf: 720h}
          """)).containsExactly(
              at(5, 7, "availability.components[0].name", "missing; expected name: db (the component's name)"),
              at(6, 7, "availability.components[1]",
                  "no availability; expected availability: 99.9%, or mtbf: 720h with mttr: 30m"),
              at(7, 39, "availability.components[2].mtbf",
                  "both availability and mtbf are given; expected availability, or mtbf with mttr"),
              at(8, 21, "availability.components[3].mtbf", "mtbf needs mttr; expected mttr: 30m beside it"));
    }

    @Test
    void replicasAreWholeAndAQuorumFitsInThem() {
      assertThat(problems("""
          workloads: {post: {writes: 1/s}}
          availability:
            target: 99.9%
            components:
              - {name: a, availability: 99.9%, replicas: 2.5}
              - {name: b, availability: 99.9%, replicas: 3, required: 4}
              - {name: b, availability: 99.9%, replicas: 0}
              - {name: c, availability: 100%}
              - {name: d, availability: 99.9%, replica: 2}
          """)).containsExactly(
              at(5, 48, "availability.components[0].replicas",
                  "not a whole number (got '2.5'); expected a whole number from 1 to 10,000"),
              at(6, 61, "availability.components[1].required",
                  "more replicas required than there are (got '4' of 3); expected at most replicas (3)"),
              at(7, 48, "availability.components[2].replicas",
                  "must be positive (got '0'); expected a whole number from 1 to 10,000"),
              at(8, 31, "availability.components[3].availability",
                  "target not strictly between 0 and 100% (got '100%'); expected a target strictly between 0 and"
                      + " 100%: 99.95%, 0.9995, \"3.5 nines\" or \"four nines\""),
              at(9, 38, "availability.components[4].replica", "unknown key (did you mean 'replicas'?); expected one"
                  + " of: name, availability, mtbf, mttr, replicas, required"));
    }

    @Test
    void componentNamesAreUnique() {
      assertThat(problems("""
          workloads: {post: {writes: 1/s}}
          availability:
            target: 99.9%
            components:
              - {name: db, availability: 99.9%}
              - {name: db, availability: 99.9%}
          """)).containsExactly(at(6, 14, "availability.components[1].name",
              "'db' names availability.components[0] too; expected a name of its own"));
    }

    @Test
    void componentsAndWindowNeedATarget() {
      assertThat(problems("""
          workloads: {post: {writes: 1/s}}
          availability:
            window: 28d
            components: [{name: db, availability: 99.9%}]
          """)).containsExactly(
              at(3, 3, "availability.window", "window needs a target to measure against; expected target: 99.9%"
                  + " beside it"),
              at(4, 3, "availability.components", "components need a target to measure against; expected target:"
                  + " 99.9% beside it"));
    }

    @Test
    void theWindowIsAPositiveDuration() {
      assertThat(problems("""
          workloads: {post: {writes: 1/s}}
          availability: {target: 99.9%, window: 0d}
          """)).extracting(Diagnostic::path, Diagnostic::message).containsExactly(tuple("availability.window",
              "a window of zero holds no budget (got '0d'); expected a positive duration such as 30d, 4w or 1mo"));
    }

    @Test
    void aPeakModelNeedsItsParameterAndNoFactorBesideIt() {
      assertThat(problems("""
          workloads: {post: {writes: 1/s}}
          traffic:
            peak_factor: 3
            peak: {model: diurnal}
          """)).containsExactly(
              at(4, 3, "traffic.peak", "both peak_factor and peak are given; expected only one of them"),
              at(4, 17, "traffic.peak.model", "diurnal needs peak_hour_share; expected peak_hour_share: 10% beside it"));
      assertThat(problems("""
          workloads: {post: {writes: 1/s}}
          traffic:
            peak: {peak_hour_share: 10%}
          """)).containsExactly(at(3, 9, "traffic.peak.model",
              "missing; expected model: diurnal (with peak_hour_share: 10%) or model: poisson (with percentile: 99.9)"));
      assertThat(problems("""
          workloads: {post: {writes: 1/s}}
          traffic:
            peak: {model: poisson, peak_hour_share: 10%, percentile: 99.9}
          """)).containsExactly(at(3, 26, "traffic.peak.peak_hour_share",
              "not a key of model poisson; expected percentile (peak_hour_share is for model diurnal or combined)"));
      assertThat(problems("""
          workloads: {post: {writes: 1/s}}
          traffic:
            peak: {model: combined, percentile: 99.9}
          """)).containsExactly(at(3, 17, "traffic.peak.model",
              "combined needs peak_hour_share; expected peak_hour_share: 10% and percentile: 99.9 beside it"));
    }

    @Test
    void serviceCvNeedsALatencyAndIsZeroOrMore() {
      assertThat(problems("""
          workloads: {api: {writes: 1/s, service_cv: 0.5}}
          """)).containsExactly(at(1, 32, "workloads.api.service_cv",
              "service_cv needs latency; expected latency: 20ms (the mean service time) beside it"));
      assertThat(problems("""
          workloads: {api: {writes: 1/s, latency: 20ms, service_cv: -1}}
          """)).hasSize(1).allSatisfy(d -> assertThat(d.toString()).contains("must be 0 or more"));
      assertThat(read("""
          workloads: {api: {writes: 1/s, latency: 20ms, service_cv: 0.5}}
          """).models().workload("api").orElseThrow().serviceCv()).hasValue(0.5);
    }

    @Test
    void theCombinedModelTakesTheHoursShareAndTheSecondsPercentile() {
      Requirements r = read("""
          traffic: {peak: {model: Combined, peak_hour_share: 10%, percentile: 99.9}}
          workloads: {a: {writes: 1/s}}
          """);
      assertThat(r.models().peak()).hasValue(new Peak(PeakKind.COMBINED, 0.1, java.util.OptionalDouble.of(0.999)));
    }

    @Test
    void peakModelValuesAreChecked() {
      assertThat(problems("""
          workloads: {post: {writes: 1/s}}
          traffic:
            peak: {model: weekly, peak_hour_share: 3%}
          """)).containsExactly(
              at(3, 17, "traffic.peak.model", "unknown peak model (got 'weekly'); expected diurnal, poisson or combined"),
              at(3, 42, "traffic.peak.peak_hour_share", "the busiest hour carries at least 1/24 of the day (got"
                  + " '3%'); expected a share from 4.17% (a flat day) to 100%"));
      assertThat(problems("""
          workloads: {post: {writes: 1/s}}
          traffic:
            peak: {model: poisson, percentile: 0.999}
          """)).containsExactly(at(3, 38, "traffic.peak.percentile", "a bare number of 1 or less is ambiguous as a"
              + " percentile (got '0.999'); expected p99.9 if a fraction is meant, or p0.999 for that percentile"));
    }

    @Test
    void aFanOutNeedsItsCallsLatencyAndTheOther() {
      assertThat(problems("""
          workloads:
            a: {reads: 1/s, fanout: 100}
            b: {reads: 1/s, call_latency: {p50: 5ms, p99: 50ms}}
            c: {reads: 1/s, hedge_after: p95}
          """)).containsExactly(
              at(2, 19, "workloads.a.fanout", "fanout needs call_latency; expected call_latency: {p50: 5ms, p99:"
                  + " 50ms} or {slow_fraction: 1%, over: 1s} beside it"),
              at(3, 19, "workloads.b.call_latency",
                  "call_latency needs fanout; expected fanout: 100 (the calls each request waits for) beside it"),
              at(4, 19, "workloads.c.hedge_after",
                  "hedge_after needs call_latency; expected call_latency: {p50: 5ms, p99: 50ms} beside it"));
    }

    @Test
    void callLatencyIsOneFormOrTheOther() {
      assertThat(problems("""
          workloads:
            a: {reads: 1/s, fanout: 10, call_latency: {p50: 5ms, over: 1s}}
            b: {reads: 1/s, fanout: 10, call_latency: {p50: 5ms}}
            c: {reads: 1/s, fanout: 10, call_latency: {p50: 50ms, p99: 50ms}}
            d: {reads: 1/s, fanout: 10, call_latency: {slow_fraction: 1%, over: 1s}, hedge_after: p95}
            e: {reads: 1/s, fanout: 1.5, call_latency: {p50: 5, p99: 50ms}}
          """)).containsExactly(
              at(2, 45, "workloads.a.call_latency", "two forms mixed; expected {p50: 5ms, p99: 50ms} or"
                  + " {slow_fraction: 1%, over: 1s}, not keys of both"),
              at(3, 46, "workloads.b.call_latency.p50",
                  "p50 needs p99; expected {p50: 5ms, p99: 50ms} or {slow_fraction: 1%, over: 1s}"),
              at(4, 62, "workloads.c.call_latency.p99", "p99 is not above p50 (got '50ms' and '50ms'); expected a"
                  + " p99 longer than the p50"),
              at(5, 76, "workloads.d.hedge_after", "hedge_after needs the call's p50 and p99 (when a backup goes out"
                  + " depends on the call's latency); expected call_latency: {p50: 5ms, p99: 50ms}, or no hedge_after"),
              at(6, 27, "workloads.e.fanout", "not a whole number (got '1.5'); expected a whole number of calls, 1 or"
                  + " more"),
              at(6, 52, "workloads.e.call_latency.p50", "a time needs its unit (got '5'); expected a time with its"
                  + " unit: us, ms, s, m or min, h, d or w (20ms, 1.5s, 30m, 720h)"));
    }

    @Test
    void latencyAndWaitsAreTimes() {
      assertThat(problems("""
          workloads:
            a: {writes: 1/s, latency: 0ms}
            b: {writes: 1/s, latency: 1y}
          capacity: {max_wait_p99: fast}
          """)).containsExactly(
              at(2, 29, "workloads.a.latency", "must be longer than zero (got '0ms'); expected a time with its unit:"
                  + " us, ms, s, m or min, h, d or w (20ms, 1.5s, 30m, 720h)"),
              at(3, 29, "workloads.b.latency", "months and years are not units of a time (their length depends on"
                  + " the calendar) (got '1y'); expected a time with its unit: us, ms, s, m or min, h, d or w (20ms,"
                  + " 1.5s, 30m, 720h; a year is 8760h or 365d)"),
              at(4, 26, "capacity.max_wait_p99", "not a time (got 'fast'); expected a time with its unit: us, ms, s,"
                  + " m or min, h, d or w (20ms, 1.5s, 30m, 720h)"));
    }

    @Test
    void aStreamCarriesWritesWithAPayload() {
      assertThat(problems("""
          workloads:
            a: {reads: 1/s, stream: {partition_produce: 5MB/s}}
            b: {writes: 1/s, payload: 1KB, stream: {}}
            c: {writes: 1/s, payload: 1KB, stream: {partition_produce: 5MB, partition_consume: 0MB/s}}
          """)).containsExactly(
              at(2, 19, "workloads.a.stream", "a stream carries the workload's writes; expected writes (or"
                  + " writes_per_user) and payload beside it"),
              at(3, 42, "workloads.b.stream",
                  "no partition limit; expected partition_produce: 5MB/s, partition_consume: 3MB/s, or both"),
              at(4, 62, "workloads.c.stream.partition_produce", "a byte rate needs its time unit (got '5MB');"
                  + " expected a size per time unit such as 5MB/s or 300GB/h (/s, /min, /h, /day, ...)"),
              at(4, 86, "workloads.c.stream.partition_consume", "must be above zero (got '0MB/s'); expected a size"
                  + " per time unit such as 5MB/s or 300GB/h (/s, /min, /h, /day, ...)"));
    }
  }
}
