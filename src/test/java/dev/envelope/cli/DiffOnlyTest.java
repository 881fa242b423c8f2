package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envelope.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code diff --only PATH...} and {@code diff --headline}, on the two photo files of docs/commands.md:
 * 10M to 12M users (+20%), 2MB to 1.5MB photos (-25%), so bytes moved by 1.2 x 0.75 = 0.9 (-10%).
 */
class DiffOnlyTest {
  static final String OLD = "docs/examples/photos-v1.yaml";
  static final String NEW = "docs/examples/photos-v2.yaml";

  static List<String> paths(CliRun run) throws Exception {
    List<String> paths = new ArrayList<>();
    new ObjectMapper().readTree(run.out()).get("outputs").forEach(o -> paths.add(o.get("path").asText()));
    return paths;
  }

  @Test
  void onlyKeepsTheNamedFiguresAndGroups() throws Exception {
    CliRun run = CliRun.run("diff", OLD, NEW, "--only", "capacity", "storage.bytes_retained", "-o", "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(paths(run)).containsExactly("storage.bytes_retained", "capacity.servers", "capacity.shards",
        "capacity.shards_by_storage", "capacity.shards_by_reads", "capacity.nodes");
    // The inputs that changed are all still shown: they are why the figures moved.
    assertThat(new ObjectMapper().readTree(run.out()).get("inputs")).hasSize(3);
  }

  @Test
  void failOverJudgesOnlyTheChosenFigures() {
    // Every byte figure moved by 10%, the request rates (and object counts) by 20%: over 15% only the rates fail.
    CliRun bytes = CliRun.run("diff", OLD, NEW, "--only", "storage.bytes_retained", "bandwidth", "--fail-over", "15%");
    assertThat(bytes.exitCode()).as(bytes.toString()).isZero();
    CliRun rates = CliRun.run("diff", OLD, NEW, "--only", "traffic.total.peak_per_second", "--fail-over", "15%");
    assertThat(rates.exitCode()).as(rates.toString()).isEqualTo(1);
    assertThat(rates.err()).contains("1 output moved by more than 15%: traffic.total.peak_per_second (+20%)");
  }

  @Test
  void headlineCountsEachChangeOnce() throws Exception {
    CliRun all = CliRun.run("diff", OLD, NEW, "-o", "json");
    // Egress alone moves four times in the full diff: the workload's and the total's, average and peak.
    assertThat(paths(all).stream().filter(p -> p.contains("egress"))).hasSize(4);
    CliRun run = CliRun.run("diff", OLD, NEW, "--headline", "-o", "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(paths(run)).containsExactly("traffic.total.peak_per_second", "bandwidth.ingress.peak_bytes_per_second",
        "bandwidth.egress.peak_bytes_per_second", "storage.bytes_retained", "cache.bytes", "capacity.servers",
        "capacity.shards", "capacity.nodes");
  }

  @Test
  void headlineMarkdownIsATableForAPullRequestComment() {
    CliRun run = CliRun.run("diff", OLD, NEW, "--headline", "-o", "markdown");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("headline figures only: each change counted once",
        "| output | old | new | change |\n| --- | ---: | ---: | ---: |\n"
            + "| peak requests | 3.59 K/s | 4.31 K/s | +20% |\n",
        "| peak egress | 6.94 GB/s | 6.25 GB/s | -10% |\n", "| servers | 3 | 4 | +33.3% |\n");
  }

  @Test
  void anOnlyPathThatNamesNoFigureIsRefusedWithTheNearest() {
    CliRun run = CliRun.run("diff", OLD, NEW, "--only", "storage.bytes_retaind");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("envelope: --only storage.bytes_retaind: no such figure in either estimate"
        + " (did you mean 'storage.bytes_retained'?)");
  }

  @Test
  void headlineAndOnlyTogetherAreRefused() {
    CliRun run = CliRun.run("diff", OLD, NEW, "--headline", "--only", "capacity");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("expected --headline or --only PATH..., not both");
  }
}
