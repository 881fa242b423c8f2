package dev.envelope.model;

import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.Location;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

import dev.envelope.model.Requirements.Assumption;
import dev.envelope.model.Requirements.Workload;
import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.units.Calendar;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.Rate;
import dev.envelope.units.Span;
import dev.envelope.units.TimeBase;
import dev.envelope.units.UnitSystem;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RequirementsReaderTest {

  private static final String FILE = "req.yaml";

  static Requirements read(String text) {
    return RequirementsReader.read(FILE, text.getBytes(UTF_8), Need.ESTIMATE);
  }

  /** The problems reading {@code text} reports; fails unless it is refused with exit code 3. */
  static List<Diagnostic> problems(String text) {
    return problems(text, Need.ESTIMATE);
  }

  static List<Diagnostic> problems(String text, Need need) {
    try {
      RequirementsReader.read(FILE, text.getBytes(UTF_8), need);
    } catch (EnvelopeException e) {
      assertThat(e.exitCode()).as("exit code").isEqualTo(EnvelopeException.INVALID_INPUT).isEqualTo(3);
      return e.diagnostics();
    }
    return fail("expected the file to be refused:%n%s", text);
  }

  static Diagnostic at(int line, int column, String path, String message) {
    return new Diagnostic(new Location(FILE, line, column), path, message);
  }

  @Nested
  class Reading {
    @Test
    void flowStyleYamlThatStartsWithABraceIsReadAsYaml() {
      Requirements r = read("{workloads: {post: {writes: 5/s}}}");
      assertThat(r.workloads()).extracting(Workload::name).containsExactly("post");
    }

    @Test
    void fillsEveryDefault() {
      Requirements r = read("""
          workloads:
            tweet:
              writes: 1M/day
              read_write_ratio: 10:1
              payload: 1KB
          """);
      assertThat(r.name()).isEmpty();
      assertThat(r.users()).isEmpty();
      assertThat(r.storage().retention()).isEmpty();
      assertThat(r.storage().replication()).isEqualTo(3);
      assertThat(r.storage().overhead()).isEqualTo(0);
      assertThat(r.cache().hotFraction()).isEqualTo(0.2);
      assertThat(r.cache().nodeMemory()).isEmpty();
      assertThat(r.capacity().utilization()).isEqualTo(0.7);
      assertThat(r.capacity().serverQps()).isEmpty();
      assertThat(r.capacity().shardStorage()).isEmpty();
      assertThat(r.availabilityTarget()).isEmpty();
      assertThat(r.conventions().calendar()).isEqualTo(Calendar.SRE);
      assertThat(r.conventions().units()).isEqualTo(UnitSystem.SI);
      // 86,400 s a day; 7 of them a week; the SRE month of 30 days and year of 365.
      assertThat(r.conventions().time()).isEqualTo(new TimeBase(86_400, 604_800, 2_592_000, 31_536_000));

      Workload w = r.workloads().get(0);
      assertThat(w.name()).isEqualTo("tweet");
      assertThat(w.writes()).contains(new Rate(1e6, CalendarUnit.DAY));
      assertThat(w.readWriteRatio()).hasValue(10);
      assertThat(w.payload()).hasValue(1000);
      assertThat(w.readSize()).as("read_size defaults to payload").hasValue(1000);
      assertThat(w.peakFactor()).isEqualTo(2);
    }

    @Test
    void listsEveryAppliedDefaultAsAnAssumptionWithItsSource() {
      Requirements r = read("""
          workloads:
            tweet:
              writes: 1M/day
              read_write_ratio: 10:1
              payload: 1KB
          """);
      assertThat(r.assumptions())
          .extracting(Assumption::path, Assumption::value)
          .containsExactlyInAnyOrder(
              tuple("conventions.calendar", "sre"),
              tuple("conventions.units", "si"),
              tuple("conventions.seconds_per_day", 86_400.0),
              tuple("conventions.seconds_per_month", 2_592_000.0),
              tuple("conventions.seconds_per_year", 31_536_000.0),
              tuple("workloads.tweet.read_size", 1000.0),
              tuple("traffic.peak_factor", 2.0),
              tuple("storage.overhead", 0.0),
              tuple("cache.hot_fraction", 0.2));
      assertThat(r.assumptions()).allSatisfy(a -> assertThat(a.source()).isNotBlank());
    }

    @Test
    void aLimitWithoutItsDemandAppliesNoDefault() {
      // Reads are limited but nothing reads; no cache for the node memory: no count, no default.
      Requirements r = read("workloads:\n  t: {writes: 5/s}\ncapacity: {shard_read_qps: 100}\ncache: {node_memory: 1GB}\n");
      assertThat(r.assumptions()).extracting(Assumption::path)
          .doesNotContain("capacity.utilization", "storage.replication");
    }

    @Test
    void replicationIsAnAssumptionOnlyWhenRetainedBytesOrNodesUseIt() {
      Requirements noRetention = read("workloads:\n  t: {writes: 1M/day, payload: 1KB}\n");
      Requirements retained = read("workloads:\n  t: {writes: 1M/day, payload: 1KB}\nstorage: {retention: 1y}\n");
      Requirements sharded = read("workloads:\n  t: {writes: 1M/day}\ncapacity: {shard_write_qps: 100}\n");
      assertThat(noRetention.assumptions()).extracting(Assumption::path).doesNotContain("storage.replication");
      assertThat(retained.assumptions()).extracting(Assumption::path).contains("storage.replication");
      assertThat(sharded.assumptions()).extracting(Assumption::path).contains("storage.replication");
    }

    @Test
    void utilizationIsAnAssumptionOnlyWhenACountUsesIt() {
      Requirements r = read("""
          workloads:
            tweet: {writes: 1M/day}
          capacity:
            server_qps: 5000
          """);
      assertThat(r.assumptions()).extracting(Assumption::path).contains("capacity.utilization");
      assertThat(r.capacity().serverQps()).hasValue(5000);
    }

    @Test
    void givenValuesAreNotAssumptions() {
      Requirements r = read("""
          workloads:
            tweet: {writes: 1M/day, payload: 1KB}
          traffic: {peak_factor: 3}
          storage: {replication: 2, overhead: 10%, retention: 5y}
          conventions: {calendar: gregorian, units: iec}
          """);
      assertThat(r.assumptions())
          .extracting(Assumption::path)
          .doesNotContain("traffic.peak_factor", "storage.replication", "storage.overhead",
              "conventions.calendar", "conventions.units", "cache.hot_fraction");
      assertThat(r.workloads().get(0).peakFactor()).isEqualTo(3);
      assertThat(r.storage().replication()).isEqualTo(2);
      assertThat(r.storage().overhead()).isEqualTo(0.1);
      assertThat(r.storage().retention()).contains(Span.parse("5y"));
      assertThat(r.conventions().calendar()).isEqualTo(Calendar.GREGORIAN);
      assertThat(r.workloads().get(0).payload()).as("1KB under iec").hasValue(1024);
    }

    @Test
    void dauIsMauTimesDailyActive() {
      Requirements r = read("""
          users:
            mau: 300M
            daily_active: 50%
          workloads:
            tweet: {writes_per_user: 2/day}
          """);
      // Alex Xu: 300M monthly users, 50% daily: 150M DAU.
      assertThat(r.users().orElseThrow().effectiveDau()).isEqualTo(150e6);
      assertThat(r.assumptions())
          .filteredOn(a -> a.path().equals("users.dau"))
          .extracting(Assumption::value)
          .containsExactly(150e6);
    }

    @Test
    void dauWinsOverMauTimesDailyActive() {
      Requirements r = read("""
          users:
            dau: 100M
            mau: 300M
            daily_active: 50%
          workloads:
            tweet: {writes_per_user: 2/day}
          """);
      assertThat(r.users().orElseThrow().effectiveDau()).isEqualTo(100e6);
      assertThat(r.assumptions()).extracting(Assumption::path).doesNotContain("users.dau");
    }

    @Test
    void explicitReadsAndARatioMayStandTogether() {
      // Both are kept; the estimator lets the explicit reads win.
      Requirements r = read("""
          workloads:
            feed:
              writes: 1M/day
              reads: 50M/day
              read_write_ratio: 10:1
          """);
      Workload w = r.workloads().get(0);
      assertThat(w.reads()).contains(new Rate(50e6, CalendarUnit.DAY));
      assertThat(w.readWriteRatio()).hasValue(10);
    }

    @Test
    void unquotedRatioInYamlIsReadsPerWriteNotSexagesimal() {
      // A YAML 1.1 reader turns 10:1 into 10 x 60 + 1 = 601.
      Requirements r = read("""
          workloads:
            a: {writes: 1/s, read_write_ratio: 10:1}
            b: {writes: 1/s, read_write_ratio: 1:10}
            c:
              writes: 1/s
              read_write_ratio: 100:1
          """);
      assertThat(r.workloads()).extracting(w -> w.readWriteRatio().getAsDouble()).containsExactly(10.0, 0.1, 100.0);
    }

    @Test
    void bareNumberPerUserMeansPerDay() {
      Requirements r = read("""
          users: {dau: 1M}
          workloads:
            tweet: {writes_per_user: 2}
          """);
      assertThat(r.workloads().get(0).writesPerUser()).contains(new Rate(2, CalendarUnit.DAY));
    }

    @Test
    void workloadsKeepFileOrder() {
      Requirements r = read("""
          workloads:
            zeta: {writes: 1/s}
            alpha: {writes: 1/s}
            mid: {reads: 1/s}
          """);
      assertThat(r.workloads()).extracting(Workload::name).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void workloadPeakFactorOverridesTheFiles() {
      Requirements r = read("""
          workloads:
            steady: {writes: 1/s}
            bursty: {writes: 1/s, peak_factor: 5}
          traffic: {peak_factor: 3}
          """);
      assertThat(r.workloads()).extracting(Workload::peakFactor).containsExactly(3.0, 5.0);
    }

    @Test
    void customCalendarDefaultsMonthAndQuarterFromTheYear() {
      Requirements r = read("""
          workloads:
            tweet: {writes: 1/s}
          conventions:
            calendar: {year: 360}
          """);
      Calendar c = r.conventions().calendar();
      assertThat(c.name()).isEqualTo("custom");
      assertThat(c.monthDays()).isEqualTo(30);
      assertThat(c.quarterDays()).isEqualTo(90);
      // Rates and retention follow the custom calendar too: a month of 30 x 86,400 s.
      assertThat(r.conventions().time().secondsPerMonth()).isEqualTo(2_592_000);
      assertThat(r.conventions().time().secondsPerYear()).isEqualTo(360 * 86_400);
    }

    @Test
    void secondsPerDayAloneStretchesWeeksMonthsAndYears() {
      Requirements r = read("""
          workloads:
            tweet: {writes: 1/s}
          conventions:
            seconds_per_day: 100000
          """);
      // 7, 30 and 365 days of 100,000 s.
      assertThat(r.conventions().time()).isEqualTo(new TimeBase(100_000, 700_000, 3_000_000, 36_500_000));
      // The SLA calendar is untouched.
      assertThat(r.conventions().calendar()).isEqualTo(Calendar.SRE);
    }

    @Test
    void eachShortcutReplacesOnlyItsOwnLength() {
      Requirements r = read("""
          workloads:
            tweet: {writes: 1/s}
          conventions:
            seconds_per_month: 2.5M
          """);
      assertThat(r.conventions().time()).isEqualTo(new TimeBase(86_400, 604_800, 2_500_000, 31_536_000));
      assertThat(r.assumptions()).extracting(Assumption::path).doesNotContain("conventions.seconds_per_month");
    }

    @Test
    void slaFileNeedsNoWorkloads() {
      Requirements r = RequirementsReader.read(FILE, """
          availability: {target: 3.5 nines}
          conventions: {calendar: julian}
          """.getBytes(UTF_8), Need.SLA);
      assertThat(r.workloads()).isEmpty();
      assertThat(r.availabilityTarget()).hasValue(0.9995);
      assertThat(r.conventions().calendar()).isEqualTo(Calendar.JULIAN);
    }

    @Test
    void jsonAndYamlGiveTheSameRequirements() {
      String yaml = """
          name: Twitter
          users:
            mau: 300M
            daily_active: 50%
          workloads:
            tweet:
              writes_per_user: 2/day
              read_write_ratio: 10:1
              payload: 204B
            media:
              writes_per_user: 0.2/day
              reads: 1B/day
              payload: 1MB
              read_size: 500KB
              peak_factor: 3
          traffic: {peak_factor: 2}
          storage: {retention: 5y, replication: 3, overhead: 10%}
          cache: {hot_fraction: 20%, node_memory: 64GB}
          capacity:
            server_qps: 5000
            shard_storage: 2TB
            shard_write_qps: 2000
            shard_read_qps: 10000
            utilization: 70%
          availability: {target: 99.95%}
          conventions: {calendar: gregorian, seconds_per_day: 86400, units: si}
          """;
      String json = """
          {
            "name": "Twitter",
            "users": {"mau": "300M", "daily_active": 0.5},
            "workloads": {
              "tweet": {"writes_per_user": "2/day", "read_write_ratio": "10:1", "payload": 204},
              "media": {"writes_per_user": "0.2/day", "reads": "1B/day", "payload": "1MB",
                        "read_size": "500KB", "peak_factor": 3}
            },
            "traffic": {"peak_factor": 2},
            "storage": {"retention": "P5Y", "replication": 3, "overhead": "10%"},
            "cache": {"hot_fraction": 0.2, "node_memory": "64GB"},
            "capacity": {"server_qps": 5000, "shard_storage": "2TB", "shard_write_qps": 2000,
                         "shard_read_qps": 10000, "utilization": 0.7},
            "availability": {"target": 0.9995},
            "conventions": {"calendar": "gregorian", "seconds_per_day": 86400, "units": "si"}
          }
          """;
      assertThat(read(json)).isEqualTo(read(yaml));
    }
  }

  @Nested
  class Problems {
    @Test
    void unknownKeySuggestsTheClosestKnownOne() {
      assertThat(problems("""
          workloads:
            tweet:
              writes: 1M/day
              paylod: 1KB
          """))
          .containsExactly(at(4, 5, "workloads.tweet.paylod",
              "unknown key (did you mean 'payload'?); expected one of: writes_per_user, writes, reads_per_user,"
                  + " reads, read_write_ratio, payload, read_size, peak_factor, latency, service_cv, fanout, call_latency,"
                  + " hedge_after, stream, connections, fanout_on_write, cdn, cache"));
    }

    @Test
    void unknownKeyFarFromAnyKnownOneSuggestsNothing() {
      assertThat(problems("""
          workloads:
            tweet: {writes: 1M/day}
          colour: blue
          """))
          .containsExactly(at(3, 1, "colour",
              "unknown key; expected one of: name, users, workloads, traffic, storage, cache, capacity,"
                  + " availability, cost, conventions, inputs, figures, scenarios, budgets, correlations, lint"));
    }

    @Test
    void duplicateKeyPointsAtTheSecondAndNamesTheFirst() {
      assertThat(problems("""
          workloads:
            tweet:
              writes: 1M/day
              payload: 1KB
              payload: 2KB
          """))
          .containsExactly(at(5, 5, "workloads.tweet.payload",
              "duplicate key (first at line 4, column 5); expected each key once"));
    }

    @Test
    void badValueQuotesItAndSaysWhatWouldBeValid() {
      assertThat(problems("""
          workloads:
            tweet:
              writes: 1M/day
              payload: 12XB
          """))
          .containsExactly(at(4, 14, "workloads.tweet.payload",
              "unknown size unit 'XB' (got '12XB'); expected a size such as 204B, 1.5KB, 64GB, 2TB or 1GiB"));
    }

    @Test
    void absoluteRateWithoutItsUnitIsRefusedWithAHint() {
      assertThat(problems("""
          workloads:
            tweet:
              writes: 500M
          """))
          .containsExactly(at(3, 13, "workloads.tweet.writes",
              "an absolute rate needs its unit (got '500M'); expected a rate such as 2/day or 500M/month,"
                  + " with the unit /s, /min, /h, /day, /week, /month or /year"));
    }

    @Test
    void retentionWithoutItsUnitIsRefusedWithAHint() {
      assertThat(problems("""
          workloads:
            tweet: {writes: 1M/day}
          storage:
            retention: 5
          """))
          .containsExactly(at(4, 14, "storage.retention",
              "a duration needs its unit (got '5'); expected a duration with its unit:"
                  + " s, min, h, d, w, mo or y (e.g. 5y), or ISO-8601 (P5Y)"));
    }

    @Test
    void negativeUserCountIsRefused() {
      assertThat(problems("""
          users:
            dau: -5
          workloads:
            tweet: {writes_per_user: 2/day}
          """))
          .contains(at(2, 8, "users.dau", "a count cannot be negative (got '-5'); expected a count such as 150M"));
    }

    @Test
    void missingWorkloadsIsReported() {
      assertThat(problems("""
          name: Nothing
          """))
          .containsExactly(at(1, 1, "workloads",
              "missing; expected one or more named workloads, e.g. workloads: {tweet: {writes_per_user: 2/day}}"));
    }

    @Test
    void emptyWorkloadsIsReported() {
      assertThat(problems("""
          name: Nothing
          workloads: {}
          """))
          .containsExactly(at(2, 1, "workloads",
              "no workload; expected at least one, e.g. tweet: {writes_per_user: 2/day}"));
    }

    @Test
    void workloadWithNoRateIsReported() {
      assertThat(problems("""
          workloads:
            thumbnail:
              payload: 1KB
          """))
          .containsExactly(at(2, 3, "workloads.thumbnail",
              "no write or read rate; expected writes_per_user: 2/day, writes: 500M/day,"
                  + " reads_per_user: 20/day or reads: 5B/day"));
    }

    @Test
    void perUserRateWithoutUsersIsReported() {
      assertThat(problems("""
          workloads:
            tweet:
              writes_per_user: 2/day
          """))
          .containsExactly(at(3, 5, "workloads.tweet.writes_per_user",
              "a per-user rate needs the number of users; expected users: {dau: 150M} in the file,"
                  + " or an absolute rate (writes: 500M/day)"));
    }

    @Test
    void mauWithoutDailyActiveIsReported() {
      assertThat(problems("""
          users:
            mau: 300M
          workloads:
            tweet: {writes: 1M/day}
          """))
          .containsExactly(at(2, 3, "users.mau",
              "mau needs daily_active; expected daily_active: 50% (the share of monthly users active each day) or dau"));
    }

    @Test
    void ratioBesideReadsButNoWritesIsReported() {
      assertThat(problems("""
          workloads:
            feed:
              reads: 1B/day
              read_write_ratio: 10:1
          """))
          .containsExactly(at(4, 5, "workloads.feed.read_write_ratio",
              "a ratio needs a write rate; expected writes_per_user or writes beside it, or drop the ratio"));
    }

    @Test
    void ratioAloneIsReportedAsAWorkloadWithoutWrites() {
      assertThat(problems("""
          workloads:
            feed:
              read_write_ratio: 10:1
          """))
          .containsExactly(at(2, 3, "workloads.feed",
              "read_write_ratio needs a write rate; expected writes_per_user: 2/day or writes: 500M/day beside it"));
    }

    @Test
    void utilizationOver100PercentIsRefused() {
      assertThat(problems("""
          workloads:
            tweet: {writes: 1M/day}
          capacity:
            server_qps: 5000
            utilization: 150%
          """))
          .containsExactly(at(5, 16, "capacity.utilization",
              "over 100% (got '150%'); expected a percentage from 0% to 100%, or a fraction from 0 to 1"));
    }

    @Test
    void zeroUtilizationIsRefused() {
      assertThat(problems("""
          workloads:
            tweet: {writes: 1M/day}
          capacity:
            utilization: 0%
          """))
          .containsExactly(at(4, 16, "capacity.utilization",
              "utilization must be above 0% (got '0%'); expected a percentage above 0% and at most 100%, e.g. 70%"));
    }

    @Test
    void ratioWithAZeroSideIsRefused() {
      assertThat(problems("""
          workloads:
            tweet:
              writes: 1M/day
              read_write_ratio: 0:1
          """))
          .containsExactly(at(4, 23, "workloads.tweet.read_write_ratio",
              "a ratio cannot have a zero or negative side (got '0:1'); expected reads:writes such as 10:1"
                  + " or 1:10, or reads per write such as 10"));
    }

    @Test
    void sectionThatIsNotAMappingIsReported() {
      assertThat(problems("""
          workloads:
            tweet: {writes: 1M/day}
          storage: 5y
          """))
          .containsExactly(at(3, 10, "storage",
              "got '5y'; expected a mapping with retention, replication, overhead"));
    }

    @Test
    void conversionLengthMustBePositive() {
      assertThat(problems("""
          workloads:
            tweet: {writes: 1M/day}
          conventions:
            seconds_per_day: 0
          """))
          .containsExactly(at(4, 20, "conventions.seconds_per_day",
              "must be positive (got '0'); expected a positive number of seconds such as 86400, 100K or 2.5M"));
    }

    @Test
    void customCalendarWithoutYearIsReported() {
      assertThat(problems("""
          workloads:
            tweet: {writes: 1M/day}
          conventions:
            calendar: {month: 30}
          """))
          .containsExactly(at(4, 3, "conventions.calendar.year",
              "missing; a custom calendar needs year (days), e.g. {year: 365, month: 30}"));
    }

    @Test
    void emptyFileIsReported() {
      Diagnostic empty = at(1, 1, "", "the file is empty; expected a requirements mapping");
      assertThat(problems("")).containsExactly(empty);
      assertThat(problems("  \n\n")).containsExactly(empty);
      assertThat(problems("# only a comment\n")).containsExactly(empty);
    }

    @Test
    void fileThatIsNotAMappingIsReported() {
      assertThat(problems("- a\n- b\n"))
          .containsExactly(at(1, 1, "",
              "the file holds a list; expected a mapping of requirements (users, workloads, ...)"));
    }

    @Test
    void yamlSyntaxErrorSaysWhatIsWrongWhereItIs() {
      // "payload" at line 4, column 4 is indented neither as a sibling of writes nor of tweet.
      assertThat(problems("""
          workloads:
            tweet:
              writes: 1M/day
             payload: 1KB
          """))
          .containsExactly(at(4, 4, "",
              "syntax error: expected <block end>, but found '<block mapping start>'"
                  + " (while parsing a block mapping at line 2, column 3)"));
    }

    @Test
    void unclosedFlowMappingPointsAtWhereItStopsAndWhereItOpened() {
      // The brace opened at line 2, column 10 is never closed; the ':' of "storage:" (line 3,
      // column 8) is where the mapping cannot go on.
      assertThat(problems("""
          workloads:
            tweet: {writes: 1M/day
          storage: {}
          """))
          .containsExactly(at(3, 8, "",
              "syntax error: expected ',' or '}', but got : (while parsing a flow mapping at line 2, column 10)"));
    }

    @Test
    void tabIndentationIsReportedAtTheTab() {
      List<Diagnostic> found = problems("workloads:\n\ttweet: {writes: 1/s}\n");
      assertThat(found).hasSize(1);
      assertThat(found.get(0).location()).isEqualTo(new Location(FILE, 2, 1));
      assertThat(found.get(0).message()).startsWith("syntax error: found character").contains("cannot start any token");
    }

    @Test
    void jsonSyntaxErrorIsReportedWhereItIs() {
      // The stray '}' after the comma is character 45 of line 1.
      List<Diagnostic> found = problems("{\"workloads\": {\"tweet\": {\"writes\": \"1M/day\",}}}\n");
      assertThat(found).hasSize(1);
      assertThat(found.get(0).path()).isEmpty();
      assertThat(found.get(0).message()).startsWith("syntax error: Unexpected character ('}'");
      assertThat(found.get(0).location().line()).isEqualTo(1);
      assertThat(found.get(0).location().column()).isEqualTo(45);
    }

    @Test
    void jsonProblemsCarryJsonLocations() {
      assertThat(problems("""
          {
            "workloads": {
              "tweet": {"writes": "1M/day", "payload": "12XB"}
            }
          }
          """))
          .containsExactly(at(3, 46, "workloads.tweet.payload",
              "unknown size unit 'XB' (got '12XB'); expected a size such as 204B, 1.5KB, 64GB, 2TB or 1GiB"));
    }

    @Test
    void duplicateKeyInJsonIsReported() {
      assertThat(problems("""
          {"workloads": {"tweet": {"writes": "1M/day"}},
           "workloads": {"retweet": {"writes": "1M/day"}}}
          """))
          .containsExactly(at(2, 2, "workloads", "duplicate key (first at line 1, column 2); expected each key once"));
    }

    @Test
    void everyProblemInAFileIsReportedAtOnce() {
      List<Diagnostic> found = problems("""
          workloads:
            tweet:
              writes_per_user: 2/day
              payload: 12XB
            media:
              writes: 1M/day
              paylod: 1MB
          capacity:
            utilization: 150%
          conventions:
            calendar: {month: 30}
          storag: {}
          """);
      assertThat(found)
          .extracting(d -> d.location().line(), Diagnostic::path)
          .containsExactlyInAnyOrder(
              tuple(4, "workloads.tweet.payload"),
              tuple(7, "workloads.media.paylod"),
              tuple(9, "capacity.utilization"),
              tuple(11, "conventions.calendar.year"),
              tuple(12, "storag"));
    }

    @Test
    void problemsInDifferentWorkloadsAreAllReported() {
      List<Diagnostic> found = problems("""
          workloads:
            a:
              writes_per_user: 2/day
            b:
              payload: 1KB
            c:
              reads: 5
          """);
      assertThat(found)
          .extracting(d -> d.location().line(), Diagnostic::path)
          .containsExactlyInAnyOrder(
              tuple(3, "workloads.a.writes_per_user"),
              tuple(4, "workloads.b"),
              tuple(7, "workloads.c.reads"));
    }

    @Test
    void diagnosticsPrintAsFileLineColumnPathMessage() {
      try {
        read("""
            workloads:
              tweet:
                writes: 1M/day
                payload: 12XB
            """);
        fail("expected a refusal");
      } catch (EnvelopeException e) {
        assertThat(e.lines()).containsExactly(
            "req.yaml:4:14: workloads.tweet.payload: unknown size unit 'XB' (got '12XB');"
                + " expected a size such as 204B, 1.5KB, 64GB, 2TB or 1GiB");
      }
    }
  }
}
