package dev.envelope.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.envelope.estimate.Estimate;
import dev.envelope.estimate.Catalog;
import dev.envelope.model.Document;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.render.EstimateReport;
import dev.envelope.estimate.Section;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The reader on raw bytes (YAML or JSON, valid or not, in any encoding): it returns requirements
 * that estimate, or fails with diagnostics of bounded length and exit code 3 (invalid input),
 * never anything else. Regression inputs:
 * {@code src/test/resources/dev/envelope/fuzz/ReaderFuzzTestInputs/}.
 */
class ReaderFuzzTest {
  static final int MAX_LINE = 20_000;

  @FuzzTest(maxDuration = "30s")
  @DictionaryFile(resourcePath = "/dev/envelope/fuzz/edges.dict")
  @DictionaryEntries({"users:", "dau:", "mau:", "daily_active:", "workloads:", "writes_per_user:", "reads_per_user:",
      "writes:", "reads:", "payload:", "read_size:", "read_write_ratio:", "peak_factor:", "traffic:", "storage:",
      "retention:", "replication:", "overhead:", "cache:", "hot_fraction:", "node_memory:", "capacity:",
      "server_qps:", "shard_storage:", "shard_write_qps:", "shard_read_qps:", "utilization:", "availability:",
      "target:", "conventions:", "units:", "calendar:", "seconds_per_day:", "scenarios:", "budgets:", " to ",
      "lognormal", "{low: ", "high: ", "latency:", "fanout:", "call_latency:", "hedge_after:", "stream:",
      "partition_produce:", "peak:", "model: diurnal", "peak_hour_share:", "max_wait_p99:", "window:",
      "components:", "replicas:", "required:", "mtbf:", "mttr:", "p99: ", "ms", "/day", "/s", "KB", "GiB", "99.99%", "nines", "&a ", "*a", "<<: ", "- "})
  void readAndEstimate(byte[] bytes) {
    Requirements req;
    Document doc;
    try {
      doc = Document.parse("fuzz.yaml", bytes);
      req = doc.bind(Need.ESTIMATE, Optional.empty(), List.of());
    } catch (EnvelopeException e) {
      assertThat(e.exitCode()).as(e.getMessage()).isEqualTo(EnvelopeException.INVALID_INPUT);
      // Each line is bounded: a value is quoted by its start and its length, a number past 24
      // characters in scientific notation. The longest a line can be is a path 32 levels deep of
      // keys of 256 characters.
      assertThat(e.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("fuzz.yaml:")
          .hasSizeLessThan(MAX_LINE));
      return;
    }
    for (String name : doc.scenarioNames()) {
      try {
        doc.bind(Need.ESTIMATE, Optional.of(name), List.of());
      } catch (EnvelopeException e) {
        assertThat(e.exitCode()).as(e.getMessage()).isEqualTo(EnvelopeException.INVALID_INPUT);
      }
    }
    Estimate estimate = Catalog.estimate(req, doc.locations(Optional.empty(), List.of()));
    // Every section, so that every figure is computed and laid out; a figure that overflows is
    // reported by the commands (exit 3), which the command-line target checks.
    EstimateReport.build(estimate, EnumSet.allOf(Section.class));
  }
}
