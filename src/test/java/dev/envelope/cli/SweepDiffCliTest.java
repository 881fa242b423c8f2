package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep and diff end to end, with numbers worked out by hand. */
class SweepDiffCliTest {
  /**
   * One write a day per user of 1 KB, kept a year in 3 copies, 100 requests/s per server. With
   * 864K users: 864,000 / 86,400 s = 10 writes/s, peak 20/s; 10/s x 1,000 B x 31,536,000 s x 3 =
   * 946,080,000,000 B; servers ceil(20 / (100 x 70%)) = 1.
   */
  static final String FILE = """
      users: {dau: 1M}
      workloads:
        post: {writes_per_user: 1/day, payload: 1KB}
      storage: {retention: 1y, replication: 3}
      capacity: {server_qps: 100}
      scenarios:
        big: {users.dau: 2M, traffic.peak_factor: 4}
      """;

  @TempDir Path dir;

  private static CliRun run(String stdin, String... args) {
    return CliRun.run(stdin, Map.of(), false, args);
  }

  @Test
  void sweepGivesOneRowPerValueWithTheDefaultOutputs() {
    CliRun run = run(FILE, "sweep", "-", "--vary", "users.dau=864K,8.64M", "-o", "csv");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    // Ten times the users: 200 /s peak, 9,460,800,000,000 B, ceil(200 / 70) = 3 servers.
    assertThat(run.out()).isEqualTo("""
        users.dau,traffic.total.peak_per_second,storage.bytes_replicated,capacity.servers
        864K,20,946080000000,1
        8.64M,200,9460800000000,3
        """);
  }

  @Test
  void sweepAppliesTheScenarioThenSetThenTheVariedValue() {
    CliRun run = run(FILE, "sweep", "-", "--scenario", "big", "--set", "traffic.peak_factor=3", "--set",
        "users.dau=5M", "--vary", "users.dau=864K", "--show", "traffic.total.peak_per_second", "-o", "csv");
    // dau: the sweep's 864K over --set's 5M over the scenario's 2M; peak factor: --set's 3 over the
    // scenario's 4. 10 /s x 3 = 30 /s.
    assertThat(run.out()).as(run.toString()).isEqualTo("users.dau,traffic.total.peak_per_second\n864K,30\n");
  }

  @Test
  void sweepShowsOnlyTheDefaultOutputsAFileHas() {
    CliRun run = run("workloads: {post: {writes: 864K/day}}\n", "sweep", "-", "--vary", "traffic.peak_factor=2,3",
        "-o", "csv");
    assertThat(run.out()).as(run.toString())
        .isEqualTo("traffic.peak_factor,traffic.total.peak_per_second\n2,20\n3,30\n");
  }

  @Test
  void sweepReportsEveryBadValueOnceNamingTheOption() {
    CliRun run = run(FILE, "sweep", "-", "--vary", "users.dau=3x,1M", "--vary", "storage.replication=2,3,two");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(2);
    assertThat(run.err()).startsWith("--vary users.dau=3x: users.dau: unknown scale 'x' (got '3x')")
        .contains("\n--vary storage.replication=two: storage.replication: ");
  }

  @Test
  void sweepGetPrintsOneLinePerCombination() {
    CliRun run = run(FILE, "sweep", "-", "--vary", "users.dau=864K,8.64M", "--get", "capacity.servers");
    assertThat(run.out()).as(run.toString()).isEqualTo("864K\t1\n8.64M\t3\n");
  }

  private String write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  @Test
  void diffListsTheChangedInputsAndTheRelativeChangeOfEachOutput() throws IOException {
    String old = write("old.yaml", FILE);
    String now = write("new.yaml", FILE.replace("dau: 1M", "dau: 1.25M"));
    CliRun run = run("", "diff", old, now, "-o", "csv");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    // 1M -> 1.25M users: every per-user figure moves by (1.25 - 1) / 1 = +25%; replicated bytes
    // from 1M x 1,000 B x 365 x 3 = 1,095,000,000,000 to 1,368,750,000,000. Servers stay at
    // ceil(23.1 / 70) = ceil(28.9 / 70) = 1, so they do not appear.
    assertThat(run.out()).startsWith("part,path,change,old,new,relative_change\n"
        + "input,users.dau,changed,1M,1.25M,\n"
        + "output,users.dau,changed,1000000,1250000,0.25\n")
        .contains("\noutput,storage.bytes_replicated,changed,1095000000000,1368750000000,0.25\n")
        .doesNotContain("capacity.servers");
  }

  @Test
  void failOverExitsOneOnlyWhenAnOutputMovedByMoreThanTheThreshold() throws IOException {
    String old = write("old.yaml", FILE);
    String now = write("new.yaml", FILE.replace("dau: 1M", "dau: 1.25M"));
    CliRun within = run("", "diff", old, now, "--fail-over", "25%");
    assertThat(within.exitCode()).as(within.toString()).isZero();
    assertThat(within.err()).isEmpty();
    CliRun over = run("", "diff", old, now, "--fail-over", "24%", "-o", "json");
    assertThat(over.exitCode()).as(over.toString()).isEqualTo(1);
    assertThat(over.out()).endsWith("  \"fail_over\": 0.24,\n  \"failed\": true\n}\n");
    assertThat(over.err()).startsWith("envelope: --fail-over 24%: ").contains(" moved by more than 24%: users.dau (+25%)");
  }

  @Test
  void aFigureThatAppearsTripsAnyThreshold() throws IOException {
    String old = write("old.yaml", FILE);
    String now = write("new.yaml", FILE.replace("capacity: {server_qps: 100}", "capacity: {server_qps: 100, shard_write_qps: 5}"));
    CliRun run = run("", "diff", old, now, "--fail-over", "1000%", "-o", "csv");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    // 23.1 writes/s at peak / (5 x 70%) = 6.6 -> 7 shards by writes.
    assertThat(run.out()).contains("\noutput,capacity.shards_by_writes,added,,7,\n");
  }

  @Test
  void setAppliesToBothFiles() throws IOException {
    String old = write("old.yaml", FILE);
    String now = write("new.yaml", FILE.replace("dau: 1M", "dau: 1.25M"));
    CliRun run = run("", "diff", old, now, "--set", "users.dau=2M", "--fail-over", "0%");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("users.dau   1M    1.25M   changed").contains("\n  no output moved\n");
  }

  @Test
  void bothInvalidFilesAreReportedAtOnce() throws IOException {
    String old = write("old.yaml", "users: {dau: 3x}\nworkloads: {p: {writes: 1/day}}\n");
    String now = write("new.yaml", "users: {dau: 1M}\nworkloads: {p: {writes: 1/day, payload: 2 parsecs}}\n");
    CliRun run = run("", "diff", old, now);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("old.yaml:1:14: users.dau: unknown scale 'x'")
        .contains("new.yaml:2:41: workloads.p.payload: ");
  }
}
