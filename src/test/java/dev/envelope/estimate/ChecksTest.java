package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.model.Assignment;
import dev.envelope.model.Document;
import dev.envelope.model.InputLocations;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.diagnostic.Warning;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each check with an input that triggers it and a near one that does not. The inputs are one-line
 * flow YAML, so every warning is on line 1 and its column is where the value starts.
 */
class ChecksTest {
  static List<Warning> warnings(String yaml, List<Assignment> sets, Optional<String> scenario) {
    Document doc = Document.parse("req.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    Requirements req = doc.bind(Need.ESTIMATE, scenario, sets);
    InputLocations where = doc.locations(scenario, sets);
    return Checks.run(req, Catalog.estimate(req, where), where);
  }

  static List<Warning> warnings(String yaml) {
    return warnings(yaml, List.of(), Optional.empty());
  }

  private static final String POST = "{workloads: {post: {writes: 1M/day, payload: 1KB}}}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      dau above mau            | users: {dau: 400M, mau: 300M}, workloads: {p: {writes_per_user: 1/day}}                             | users: {dau: 300M, mau: 300M}, workloads: {p: {writes_per_user: 1/day}}                             | users.dau                       | exceed monthly active users
      dau against mau x active | users: {dau: 100M, mau: 300M, daily_active: 50%}, workloads: {p: {writes_per_user: 1/day}}          | users: {dau: 140M, mau: 300M, daily_active: 50%}, workloads: {p: {writes_per_user: 1/day}}          | users.daily_active              | disagrees with dau
      file peak under 1        | traffic: {peak_factor: 0.5}, workloads: {p: {writes: 1/s}}                                           | traffic: {peak_factor: 1}, workloads: {p: {writes: 1/s}}                                             | traffic.peak_factor             | below the average
      file peak over 20        | traffic: {peak_factor: 21}, workloads: {p: {writes: 1/s}}                                            | traffic: {peak_factor: 20}, workloads: {p: {writes: 1/s}}                                            | traffic.peak_factor             | whole day's requests would pass in 1.14 h
      workload peak over 20    | workloads: {p: {writes: 1/s, peak_factor: 50}}                                                       | workloads: {p: {writes: 1/s, peak_factor: 5}}                                                        | workloads.p.peak_factor         | would pass in 28m 48s
      utilization over 90%     | workloads: {p: {writes: 1/s}}, capacity: {server_qps: 100, utilization: 95%}                         | workloads: {p: {writes: 1/s}}, capacity: {server_qps: 100, utilization: 90%}                         | capacity.utilization            | 20 service times
      ratio against rates      | workloads: {p: {writes: 1M/day, reads: 5M/day, read_write_ratio: 10:1}}                              | workloads: {p: {writes: 1M/day, reads: 10.5M/day, read_write_ratio: 10:1}}                           | workloads.p.read_write_ratio    | whose ratio is 5:1
      zero rates               | workloads: {p: {writes: 0/day}}                                                                      | workloads: {p: {writes: 1/day}}                                                                      | workloads.p                     | every rate of this workload is zero
      zero users               | users: {dau: 0}, workloads: {p: {writes_per_user: 2/day}}                                            | users: {dau: 1}, workloads: {p: {writes_per_user: 2/day}}                                            | workloads.p                     | (users.dau is 0)
      per-user rate per day    | users: {dau: 1M}, workloads: {p: {reads_per_user: 10001/day}}                                        | users: {dau: 1M}, workloads: {p: {reads_per_user: 10000/day}}                                        | workloads.p.reads_per_user      | one request every 8.64 s
      per-user rate per hour   | users: {dau: 1M}, workloads: {p: {writes_per_user: 1000/h}}                                          | users: {dau: 1M}, workloads: {p: {writes_per_user: 400/h}}                                           | workloads.p.writes_per_user     | 24 K a day per user
      payload over 1 GiB       | workloads: {p: {writes: 1/s, payload: 1.1GiB}}                                                       | workloads: {p: {writes: 1/s, payload: 1GiB}}                                                         | workloads.p.payload             | over 1 GiB
      payload under 1 byte     | workloads: {p: {writes: 1/s, payload: 0}}                                                            | workloads: {p: {writes: 1/s, payload: 1B}}                                                           | workloads.p.payload             | stores 0 B carries nothing
      read size under 1 byte   | workloads: {p: {reads: 1/s, read_size: 0.5B}}                                                        | workloads: {p: {reads: 1/s, read_size: 1B}}                                                          | workloads.p.read_size           | returns 0.5 B carries nothing
      cache over retained      | workloads: {p: {writes: 1M/day, reads: 1B/day, payload: 1KB}}, storage: {retention: 1d}              | workloads: {p: {writes: 1M/day, reads: 1B/day, payload: 1KB}}, storage: {retention: 5y}              | storage.retention               | the cache (200 GB) is larger than all the data retained (1 GB)
      cache names hot_fraction | workloads: {p: {writes: 1M/day, reads: 1B/day, payload: 1KB}}, storage: {retention: 1d}, cache: {hot_fraction: 10%} | workloads: {p: {writes: 1M/day, reads: 1B/day, payload: 1KB}}, storage: {retention: 1d}, cache: {hot_fraction: 0.1%} | cache.hot_fraction | the cache (100 GB)
      replication over nodes   | workloads: {p: {writes: 0/day, payload: 1KB}}, capacity: {shard_write_qps: 1000}                     | workloads: {p: {writes: 1/day, payload: 1KB}}, capacity: {shard_write_qps: 1000}                     | storage.replication             | need 3 nodes, but the estimate has 0
      shard_storage, no retention | workloads: {p: {writes: 1/s, payload: 1KB}}, capacity: {shard_storage: 1TB}                       | workloads: {p: {writes: 1/s, payload: 1KB}}, capacity: {shard_storage: 1TB}, storage: {retention: 1y} | capacity.shard_storage         | needs storage.retention
      shard_storage, no data   | workloads: {p: {writes: 1/s}}, capacity: {shard_storage: 1TB}, storage: {retention: 1y}              | workloads: {p: {writes: 1/s, payload: 1B}}, capacity: {shard_storage: 1TB}, storage: {retention: 1y} | capacity.shard_storage          | no workload stores any
      shard_write_qps, no writes | workloads: {p: {reads: 1/s}}, capacity: {shard_write_qps: 100}                                     | workloads: {p: {reads: 1/s, writes: 1/s}}, capacity: {shard_write_qps: 100}                          | capacity.shard_write_qps        | no workload writes
      shard_read_qps, no reads | workloads: {p: {writes: 1/s}}, capacity: {shard_read_qps: 100}                                       | workloads: {p: {writes: 1/s, read_write_ratio: 2}}, capacity: {shard_read_qps: 100}                  | capacity.shard_read_qps         | no workload reads
      node_memory, no reads    | workloads: {p: {writes: 1/s, payload: 1KB}}, cache: {node_memory: 64GB}                              | workloads: {p: {writes: 1/s, reads: 1/s, payload: 1KB}}, cache: {node_memory: 64GB}                  | cache.node_memory               | the cache is sized on reads with a size
      hot_fraction, no reads   | workloads: {p: {reads: 1/s}}, cache: {hot_fraction: 30%}                                             | workloads: {p: {reads: 1/s, read_size: 1KB}}, cache: {hot_fraction: 30%}                             | cache.hot_fraction              | the cache is sized on reads with a size
      retention, no data       | workloads: {p: {reads: 1/s, read_size: 1KB}}, storage: {retention: 5y}                               | workloads: {p: {writes: 1/s, payload: 1KB}}, storage: {retention: 5y}                                | storage.retention               | nothing is retained
      read_size, no reads      | workloads: {p: {writes: 1/s, payload: 1KB, read_size: 2KB}}                                          | workloads: {p: {writes: 1/s, payload: 1KB, read_size: 2KB, read_write_ratio: 1}}                     | workloads.p.read_size           | this workload has no reads
      all replicas required    | workloads: {p: {writes: 1/s}}, availability: {target: 99.9%, components: [{name: db, availability: 99.99%, replicas: 3, required: 3}]} | workloads: {p: {writes: 1/s}}, availability: {target: 99.9%, components: [{name: db, availability: 99.99%, replicas: 3, required: 2}]} | availability.components.0 | db needs all 3 of its 3 replicas up
      single replica           | workloads: {p: {writes: 1/s}}, availability: {target: 99.9%, components: [{name: db, availability: 99.99%}]} | workloads: {p: {writes: 1/s}}, availability: {target: 99.9%, components: [{name: db, availability: 99.99%, replicas: 2}]} | availability.components.0 | db is a single point of failure
      """)
  void warnsOnlyPastItsThreshold(String check, String triggers, String silent, String path, String message) {
    List<Warning> found = warnings("{" + triggers + "}");
    assertThat(found).as(check + ": " + found).anySatisfy(w -> {
      assertThat(w.path()).isEqualTo(path);
      assertThat(w.message()).contains(message);
      assertThat(w.location().file()).isEqualTo("req.yaml");
      assertThat(w.location().line()).isEqualTo(1);
    });
    assertThat(warnings("{" + silent + "}")).as(check + " (silent)").noneMatch(w -> w.path().equals(path));
  }

  @Test
  void aWarningPointsAtTheValue() {
    // Column 43: the value 50 in the line below.
    List<Warning> found = warnings("workloads: {p: {writes: 1/s, peak_factor: 50}}\n");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).location().column()).isEqualTo(43);
    assertThat(found.get(0).toString()).startsWith("req.yaml:1:43: warning: workloads.p.peak_factor: a peak factor of 50");
  }

  @Test
  void aFileWithSoundInputsIsSilent() {
    // Alex Xu's Twitter estimate, as in examples/twitter.yaml.
    assertThat(warnings("""
        users: {mau: 300M, daily_active: 50%}
        workloads:
          tweet: {writes_per_user: 2/day, read_write_ratio: 10:1, payload: 300B}
          media: {writes_per_user: 0.2/day, read_write_ratio: 10:1, payload: 1MB}
        storage: {retention: 5y}
        capacity: {server_qps: 5000, shard_storage: 2TB}
        """)).isEmpty();
  }

  @Test
  void aWarningFromAnOverrideNamesTheArgument() {
    List<Warning> found = warnings(POST, List.of(Assignment.parse("--set", "traffic.peak_factor=0.5")), Optional.empty());
    assertThat(found).singleElement().satisfies(w -> {
      assertThat(w.location().isArgument()).isTrue();
      assertThat(w.toString()).startsWith("--set traffic.peak_factor=0.5: warning: traffic.peak_factor: ");
    });
  }

  @Test
  void anOverrideOfOneFormOfAFigureIsAWhatIfNotAContradiction() {
    // A what-if on dau leaves the file's mau and daily_active behind: no warning...
    String users = "{users: {mau: 300M, daily_active: 50%}, workloads: {p: {writes_per_user: 1/day}}}";
    assertThat(warnings(users, List.of(Assignment.parse("--set", "users.dau=400M")), Optional.empty())).isEmpty();
    // ... but a scenario that sets both inconsistently is reported, at the scenario's line.
    String both = "users: {dau: 100M}\nworkloads: {p: {writes_per_user: 1/day}}\n"
        + "scenarios: {big: {users.dau: 400M, users.mau: 300M}}\n";
    assertThat(warnings(both, List.of(), Optional.of("big"))).singleElement().satisfies(w -> {
      assertThat(w.path()).isEqualTo("users.dau");
      assertThat(w.location().line()).isEqualTo(3);
    });
  }

  @Test
  void aCacheOfDataFromOutsideTheFileIsNotComparedWithTheRetainedData() {
    // The browse workload reads pages no workload writes: the retained data is not all the data.
    assertThat(warnings("{workloads: {order: {writes: 1M/day, payload: 1KB}, browse: {reads: 1B/day, read_size: 50KB}},"
        + " storage: {retention: 1d}}")).isEmpty();
  }

  @Test
  void warningsComeInFileOrder() {
    List<Warning> found = warnings("""
        workloads:
          p: {writes: 0/day, peak_factor: 50}
        capacity: {server_qps: 100, utilization: 99%}
        """);
    assertThat(found).extracting(Warning::path)
        .containsExactly("workloads.p", "workloads.p.peak_factor", "capacity.utilization");
  }
}
